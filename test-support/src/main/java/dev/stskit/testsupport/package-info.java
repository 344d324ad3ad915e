/** A real etcd + kube-apiserver (+ kube-controller-manager) for tests, as a JUnit 5 extension. */
package dev.stskit.testsupport;
