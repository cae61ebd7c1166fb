CREATE TABLE "TrainingRunFiles" (
    "RunId" integer NOT NULL,
    "DataFileId" integer NOT NULL,
    "Type" text NOT NULL,
    "AudioFileName" text NOT NULL,
    "DurationSeconds" double precision NOT NULL,
    CONSTRAINT "PK_TrainingRunFiles" PRIMARY KEY ("RunId", "DataFileId"),
    CONSTRAINT "FK_TrainingRunFiles_TrainingRuns_RunId" FOREIGN KEY ("RunId") REFERENCES "TrainingRuns" ("Id") ON DELETE CASCADE
);
