using static Dashboard.Tests.Sphinx.Corpora.DomainTemplates;

namespace Dashboard.Tests.Sphinx.Corpora;

/// <summary>Primary-care clinical notes.</summary>
public static class Clinical
{
    private static readonly string[] Drugs = ["metformin", "lisinopril", "amlodipine", "atorvastatin", "levothyroxine", "omeprazole", "sertraline", "gabapentin", "prednisone", "amoxicillin", "albuterol", "losartan"];
    private static readonly string[] Complaints = ["chest pain", "shortness of breath", "lower back pain", "a persistent cough", "headaches", "abdominal pain", "fatigue", "dizziness", "joint pain", "a sore throat"];
    private static readonly string[] Conditions = ["type 2 diabetes", "hypertension", "asthma", "hypothyroidism", "depression", "osteoarthritis", "chronic kidney disease", "gastroesophageal reflux", "migraine", "COPD"];
    private static readonly string[] Findings = ["clear lungs", "mild tenderness", "no edema", "a regular rhythm", "normal bowel sounds", "a soft abdomen", "mild wheezing", "reduced range of motion"];
    private static readonly string[] Labs = ["A1c", "TSH", "creatinine", "potassium", "LDL", "hemoglobin"];
    private static readonly string[] Doctors = ["Patel", "Nguyen", "Garcia", "Okafor", "Schmidt", "Kowalski", "Brennan", "Haddad"];
    private static readonly string[] Frequencies = ["once daily", "twice daily", "at bedtime", "every morning", "as needed"];
    private static readonly string[] Tests = ["a chest X-ray", "an ultrasound", "a CT scan", "an MRI", "a urinalysis", "an ECG", "a lipid panel"];
    private static readonly string[] Days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

    public static readonly DomainTemplates Templates = new("clinical notes", "medical",
    [
        r => $"The patient is a {r.Next(19, 90)}-year-old {Pick(r, "man", "woman")} presenting with {Pick(r, Complaints)} for {r.Next(2, 15)} days.",
        r => $"BP {r.Next(10, 17) * 10}/{r.Next(6, 10) * 10}, pulse {r.Next(55, 110)}, temperature {r.Next(97, 102)}.{r.Next(0, 10)}.",
        r => $"History of {Pick(r, Conditions)} and {Pick(r, Conditions)}.",
        r => $"Exam shows {Pick(r, Findings)} and {Pick(r, Findings)}.",
        r => $"Start {Pick(r, Drugs)} {Pick(r, "5", "10", "20", "25", "40", "50", "100", "500")} mg {Pick(r, Frequencies)}.",
        r => $"Continue {Pick(r, Drugs)} and stop {Pick(r, Drugs)} because of {Pick(r, "nausea", "a rash", "dizziness", "swelling", "cough")}.",
        r => $"Her {Pick(r, Labs)} was {r.Next(1, 12)}.{r.Next(0, 10)} on {Pick(r, Days)}.",
        r => $"Order {Pick(r, Tests)} and {Pick(r, Tests)} today.",
        r => $"Follow up with Dr. {Pick(r, Doctors)} in {r.Next(2, 9)} weeks at {Time(r)}.",
        r => $"Refer to {Pick(r, "cardiology", "nephrology", "physical therapy", "dermatology", "endocrinology", "gastroenterology")} for {Pick(r, Conditions)}.",
        r => $"The patient denies {Pick(r, Complaints)}, fever or weight loss.",
        r => $"Pain is {r.Next(2, 10)} out of 10 and worse in the {Pick(r, "morning", "evening", "night")}.",
    ]);
}
