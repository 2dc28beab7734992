package dev.berth.operator.crd;

/** Generated: a push user and a pull-only user. Secret: the user's htpasswd. None: anyone may push. */
public enum AuthMode {
  Generated, Secret, None
}
