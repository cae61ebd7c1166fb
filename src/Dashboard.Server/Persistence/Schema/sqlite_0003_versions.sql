-- Model versions: the data snapshot of each successful run (which pairs it trained and was tested on).
CREATE TABLE "TrainingRunFiles" (
    "RunId" INTEGER NOT NULL,
    "DataFileId" INTEGER NOT NULL,
    "Type" TEXT NOT NULL,
    "AudioFileName" TEXT NOT NULL,
    "DurationSeconds" REAL NOT NULL,
    CONSTRAINT "PK_TrainingRunFiles" PRIMARY KEY ("RunId", "DataFileId"),
    CONSTRAINT "FK_TrainingRunFiles_TrainingRuns_RunId" FOREIGN KEY ("RunId") REFERENCES "TrainingRuns" ("Id") ON DELETE CASCADE
);
