namespace Dashboard.Server.Storage.Encryption;

/// <summary>The keys cannot be used (missing, malformed, or not the ones the stored data needs): start-up stops with this message.</summary>
public sealed class EncryptionKeyException(string message) : Exception(message);

/// <summary>A stored blob failed authentication: altered, truncated, or encrypted with a key the ring does not hold.</summary>
public sealed class BlobIntegrityException(string message, Exception? inner = null) : IOException(message, inner);
