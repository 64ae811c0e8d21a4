/** A setting that cannot be used: start-up refuses it with this one-line message. */
export class ConfigError extends Error {}
