using static Dashboard.Tests.Sphinx.Corpora.DomainTemplates;

namespace Dashboard.Tests.Sphinx.Corpora;

/// <summary>Legal dictation: contracts, filings and hearings.</summary>
public static class Legal
{
    private static readonly string[] Parties = ["the plaintiff", "the defendant", "the tenant", "the landlord", "the employer", "the contractor", "the licensee", "the buyer"];
    private static readonly string[] Documents = ["the lease agreement", "the settlement agreement", "the purchase contract", "the employment agreement", "the nondisclosure agreement", "the indemnity clause", "the amended complaint"];
    private static readonly string[] Motions = ["a motion to dismiss", "a motion for summary judgment", "a motion to compel discovery", "an emergency injunction", "a notice of appeal"];
    private static readonly string[] Claims = ["breach of contract", "negligence", "fraud", "unjust enrichment", "wrongful termination", "copyright infringement"];
    private static readonly string[] Judges = ["Judge Harper", "Judge Alvarez", "Judge Whitman", "Judge Okonkwo", "Judge Fischer"];
    private static readonly string[] Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public static readonly DomainTemplates Templates = new("legal", "legal",
    [
        r => $"{Capital(Pick(r, Parties))} filed {Pick(r, Motions)} on {Pick(r, Months)} {r.Next(1, 29)}, {r.Next(2015, 2027)}.",
        r => $"Under section {r.Next(2, 20)}.{r.Next(1, 9)} of {Pick(r, Documents)}, {Pick(r, Parties)} must give {r.Next(10, 91)} days notice.",
        r => $"{Capital(Pick(r, Parties))} alleges {Pick(r, Claims)} and seeks damages of ${r.Next(5, 900)},000.",
        r => $"The hearing before {Pick(r, Judges)} is set for {Time(r)} in courtroom {r.Next(2, 12)}.",
        r => $"We object to the discovery request as overly broad and unduly burdensome.",
        r => $"{Capital(Pick(r, Parties))} breached {Pick(r, Documents)} by failing to pay rent of ${r.Next(9, 60)}00.",
        r => $"Case #{r.Next(10, 99)}-{r.Next(1000, 9999)} was assigned to {Pick(r, Judges)}.",
        r => $"The statute of limitations for {Pick(r, Claims)} is {r.Next(2, 7)} years.",
        r => $"{Pick(r, Judges)} granted {Pick(r, Motions)} in part and denied it in part.",
        r => $"Please send the signed copy of {Pick(r, Documents)} to opposing counsel by {Pick(r, Months)} {r.Next(1, 29)}.",
    ]);

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
