/** GPU requests, the mapper SPI and its mappers, the MIG catalog and the cluster GPU inventory. */
@StsStyle
package dev.stskit.gpu;

import dev.stskit.style.StsStyle;
