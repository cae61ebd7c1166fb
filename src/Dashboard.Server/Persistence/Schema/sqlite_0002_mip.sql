CREATE TABLE "RetainedItems" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_RetainedItems" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Model" TEXT NULL,
    "AudioBlob" TEXT NULL,
    "AudioFormat" TEXT NULL,
    "AudioBytes" INTEGER NOT NULL,
    "AudioSeconds" REAL NOT NULL,
    "TranscriptBlob" TEXT NOT NULL,
    "TranscriptBytes" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_RetainedItems_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_RetainedItems_OrganizationId_CreatedAt" ON "RetainedItems" ("OrganizationId", "CreatedAt");

CREATE TABLE "AuditEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditEntries" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "ActorKind" TEXT NOT NULL,
    "Actor" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "Resource" TEXT NOT NULL,
    "Detail" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_AuditEntries_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AuditEntries_OrganizationId_Id" ON "AuditEntries" ("OrganizationId", "Id");
