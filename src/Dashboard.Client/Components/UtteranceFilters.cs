using Dashboard.Shared.Transcription;

namespace Dashboard.Client.Components;

public enum UtteranceChange { Improved, Worse, Unchanged }

public enum UtteranceFilter { All, Improved, Worse, Unchanged }

public enum UtteranceOrder { WorstFirst, MostImproved, TestSet }

/// <summary>Which test utterances the evaluation lists, and in what order.</summary>
public static class UtteranceFilters
{
    /// <summary>The custom model's WER on the utterance against the base model's.</summary>
    public static UtteranceChange ChangeOf(UtteranceEvaluationDto utterance) =>
        utterance.Custom.WordErrorRate.CompareTo(utterance.Base.WordErrorRate) switch
        {
            < 0 => UtteranceChange.Improved,
            > 0 => UtteranceChange.Worse,
            _ => UtteranceChange.Unchanged,
        };

    public static bool Matches(UtteranceEvaluationDto utterance, UtteranceFilter filter) => filter switch
    {
        UtteranceFilter.Improved => ChangeOf(utterance) == UtteranceChange.Improved,
        UtteranceFilter.Worse => ChangeOf(utterance) == UtteranceChange.Worse,
        UtteranceFilter.Unchanged => ChangeOf(utterance) == UtteranceChange.Unchanged,
        _ => true,
    };

    public static IEnumerable<UtteranceEvaluationDto> Apply(IEnumerable<UtteranceEvaluationDto> utterances, UtteranceFilter filter, UtteranceOrder order)
    {
        var matching = utterances.Where(u => Matches(u, filter));
        return order switch
        {
            UtteranceOrder.WorstFirst => matching.OrderByDescending(u => u.Custom.WordErrorRate).ThenByDescending(u => u.Base.WordErrorRate),
            UtteranceOrder.MostImproved => matching.OrderByDescending(u => u.Base.WordErrorRate - u.Custom.WordErrorRate),
            _ => matching,
        };
    }

    public static string Label(UtteranceFilter filter) => filter switch
    {
        UtteranceFilter.Improved => "Improved",
        UtteranceFilter.Worse => "Got worse",
        UtteranceFilter.Unchanged => "Unchanged",
        _ => "All",
    };
}
