namespace Dashboard.Server.Streaming;

/// <summary>What the recognizing side of a stream does next, in the order the client asked for it.</summary>
public abstract record StreamCommand;

/// <summary>16 kHz mono PCM, converted from what the client sent.</summary>
public sealed record AudioCommand(short[] Pcm) : StreamCommand;

public sealed record FinalizeCommand : StreamCommand;

/// <summary>The stream ends; <see cref="SendMetadata"/> after CloseStream (the client still listens), not after the client closed.</summary>
public sealed record CloseCommand(bool SendMetadata) : StreamCommand;

/// <summary>The audio could not be decoded (Deepgram's DATA-0000).</summary>
public sealed record UndecodableCommand : StreamCommand;
