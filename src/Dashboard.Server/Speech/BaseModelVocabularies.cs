using Dashboard.Shared.Models;

namespace Dashboard.Server.Speech;

/// <summary>
/// The built-in domain vocabulary of each base model: terms the stock en-us language model lacks or rarely predicts.
/// They are added to the base model's decoder as a small uniform word model (see <see cref="BaseRecognizers"/>), so a
/// `medical` base model can recognize "tachycardia" before any custom training. `general` has none.
/// </summary>
public static class BaseModelVocabularies
{
    public static IReadOnlyList<string> For(string baseModel) => baseModel switch
    {
        BaseModels.Medical => Medical,
        BaseModels.Legal => Legal,
        BaseModels.Technical => Technical,
        _ => [],
    };

    private static readonly string[] Medical =
    [
        "tachycardia", "bradycardia", "arrhythmia", "fibrillation", "hypertension", "hypotension", "hyperlipidemia", "hyperkalemia",
        "hypokalemia", "stenosis", "regurgitation", "cardiomyopathy", "myocardial", "infarction", "angina", "echocardiogram",
        "electrocardiogram", "angiogram", "catheterization", "cardioversion", "ablation", "pacemaker", "defibrillator", "troponin",
        "creatinine", "hemoglobin", "anticoagulation", "metoprolol", "lisinopril", "atorvastatin", "amiodarone", "apixaban",
        "warfarin", "clopidogrel", "furosemide", "spironolactone", "digoxin", "carvedilol", "rivaroxaban", "metformin",
        "amoxicillin", "acetaminophen", "pneumonia", "sepsis", "dyspnea", "edema", "effusion", "pericardial", "pulmonary",
        "embolism", "thrombosis", "intravenous", "milligrams", "prognosis", "oncology", "radiology", "biopsy", "metastasis",
    ];

    private static readonly string[] Legal =
    [
        "plaintiff", "defendant", "deposition", "affidavit", "subpoena", "litigation", "jurisdiction", "statute", "indictment",
        "arraignment", "acquittal", "appellate", "tort", "negligence", "liability", "testimony", "stipulation", "injunction",
        "habeas", "corpus", "certiorari", "precedent", "adjudication", "arbitration", "mediation", "restitution", "probation",
        "misdemeanor", "felony", "prosecution", "overruled", "exhibit", "verdict", "juror", "bailiff", "magistrate", "docket",
        "continuance", "counterclaim", "indemnification", "fiduciary", "promissory", "estoppel", "remand", "voir", "dire",
    ];

    private static readonly string[] Technical =
    [
        "kubernetes", "docker", "microservice", "microservices", "api", "endpoint", "latency", "throughput", "postgresql",
        "mysql", "redis", "kafka", "javascript", "typescript", "python", "golang", "linux", "nginx", "repository", "github",
        "deployment", "pipeline", "terraform", "ansible", "caching", "refactor", "refactoring", "backend", "frontend",
        "middleware", "authentication", "authorization", "encryption", "firewall", "bandwidth", "json", "yaml", "localhost",
        "backlog", "jira", "cluster", "namespace", "container", "containers", "webhook", "serverless", "runtime", "compiler",
    ];
}
