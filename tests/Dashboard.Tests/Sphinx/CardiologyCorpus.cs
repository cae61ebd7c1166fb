namespace Dashboard.Tests.Sphinx;

/// <summary>
/// A small domain corpus for tests: cardiology dictation sentences made from templates (drug names, doses, findings),
/// deterministic for a seed, split so that no test sentence occurs in the training set. Transcripts are written the
/// way people type them (digits, "%", "/"), so the normalizer's work is part of what is tested.
/// </summary>
public static class CardiologyCorpus
{
    private static readonly string[] Drugs =
        ["metoprolol", "lisinopril", "atorvastatin", "amiodarone", "apixaban", "warfarin", "clopidogrel", "furosemide", "spironolactone", "digoxin", "carvedilol", "rivaroxaban"];
    private static readonly string[] Doses = ["5", "10", "20", "25", "40", "50", "80", "100"];
    private static readonly string[] Frequencies = ["once daily", "twice daily", "every morning", "at bedtime"];
    private static readonly string[] Conditions =
        ["atrial fibrillation", "congestive heart failure", "hypertension", "hyperlipidemia", "aortic stenosis", "mitral regurgitation",
         "ventricular tachycardia", "pericardial effusion", "myocardial infarction", "cardiomyopathy"];
    private static readonly string[] Tests = ["echocardiogram", "electrocardiogram", "angiogram", "stress test"];
    private static readonly string[] Severities = ["mild", "moderate", "severe"];
    private static readonly string[] SideEffects = ["bradycardia", "hypotension", "hyperkalemia", "bleeding", "dizziness"];
    private static readonly string[] Procedures = ["cardiac catheterization", "ablation", "cardioversion", "pacemaker implantation"];

    private static readonly Func<Random, string>[] Templates =
    [
        r => $"The patient was started on {Pick(r, Drugs)} {Pick(r, Doses)} milligrams {Pick(r, Frequencies)}.",
        r => $"The {Pick(r, Tests)} showed {Pick(r, Severities)} {Pick(r, Conditions)} with an ejection fraction of {r.Next(2, 7) * 10}%.",
        r => $"History of {Pick(r, Conditions)} and {Pick(r, Conditions)}, currently on {Pick(r, Drugs)}.",
        r => $"Continue {Pick(r, Drugs)} and increase {Pick(r, Drugs)} to {Pick(r, Doses)} milligrams {Pick(r, Frequencies)}.",
        r => $"Blood pressure was {r.Next(10, 17) * 10}/{r.Next(6, 10) * 10} with a heart rate of {r.Next(5, 12) * 10} beats per minute.",
        r => $"Discontinue {Pick(r, Drugs)} because of {Pick(r, SideEffects)}.",
        r => $"Refer to cardiology for {Pick(r, Procedures)} given persistent {Pick(r, Conditions)}.",
        r => $"Follow up in {r.Next(2, 9)} weeks with a repeat {Pick(r, Tests)}.",
        r => $"The {Pick(r, Tests)} was unremarkable and there was no {Pick(r, Conditions)}.",
    ];

    /// <summary>Distinct sentences, <paramref name="trainCount"/> for training and <paramref name="testCount"/> for testing.</summary>
    public static (IReadOnlyList<string> Train, IReadOnlyList<string> Test) Create(int trainCount, int testCount, int seed = 7)
    {
        var random = new Random(seed);
        var sentences = new List<string>();
        var seen = new HashSet<string>();
        var (skipped, misses) = (0, 0);
        while (sentences.Count < trainCount + testCount)
        {
            var sentence = Templates[(sentences.Count + skipped) % Templates.Length](random);
            if (seen.Add(sentence))
            {
                sentences.Add(sentence);
                misses = 0;
            }
            else if (++misses % 200 == 0 && ++skipped > 20 * Templates.Length) // this template is used up: go on with the next
            {
                throw new ArgumentOutOfRangeException(nameof(trainCount), $"The templates make fewer than {trainCount + testCount} distinct sentences.");
            }
        }
        var test = sentences.OrderBy(_ => random.Next()).Take(testCount).ToList();
        var train = sentences.Except(test).ToList();
        return (train, test);
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
