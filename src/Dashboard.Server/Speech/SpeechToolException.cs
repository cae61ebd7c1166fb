namespace Dashboard.Server.Speech;

/// <summary>
/// A speech tool (espeak-ng, sphinx_lm_convert) refused its input, with a reason the user should see: a training run
/// fails with this message, as it does for <c>TrainingFailedException</c>.
/// </summary>
public sealed class SpeechToolException(string reason) : Exception(reason);
