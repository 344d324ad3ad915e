/** GPU requests, the mapper SPI and its mappers, the MIG catalog and the cluster GPU inventory. */
package dev.stskit.gpu;
