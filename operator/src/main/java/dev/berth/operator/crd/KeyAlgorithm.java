package dev.berth.operator.crd;

/** ECDSA is P-256; RSA is 2048 bits (3072 for the CA). */
public enum KeyAlgorithm {
  ECDSA, RSA
}
