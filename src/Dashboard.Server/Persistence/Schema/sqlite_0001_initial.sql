CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);


CREATE TABLE "Organizations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Organizations" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Plan" TEXT NOT NULL,
    "MipOptOut" INTEGER NOT NULL,
    "RetentionDays" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL
);


CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);


CREATE TABLE "ApiKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ApiKeys" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Prefix" TEXT NOT NULL,
    "SecretHash" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "RevokedAt" INTEGER NULL,
    CONSTRAINT "FK_ApiKeys_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "OrganizationId" INTEGER NOT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" INTEGER NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL,
    CONSTRAINT "FK_AspNetUsers_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE CASCADE
);


CREATE TABLE "CustomModels" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CustomModels" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Language" TEXT NOT NULL,
    "BaseModel" TEXT NOT NULL,
    "Description" TEXT NULL,
    "TrainingStatus" INTEGER NOT NULL,
    "TrainingProgress" INTEGER NOT NULL,
    "TrainingStage" TEXT NULL,
    "FailureReason" TEXT NULL,
    "CurrentRunId" INTEGER NULL,
    "ActiveRunId" INTEGER NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_CustomModels_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Ledger" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Ledger" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "ModelId" INTEGER NULL,
    "RunId" INTEGER NULL,
    "Kind" TEXT NOT NULL,
    "Model" TEXT NULL,
    "AudioSeconds" REAL NOT NULL,
    "Amount" TEXT NOT NULL,
    "DiscountPercent" INTEGER NOT NULL,
    "MipOptOut" INTEGER NOT NULL,
    "Description" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_Ledger_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "DataFiles" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DataFiles" PRIMARY KEY AUTOINCREMENT,
    "ModelId" INTEGER NOT NULL,
    "Type" TEXT NOT NULL,
    "AudioFileName" TEXT NOT NULL,
    "AudioBlob" TEXT NOT NULL,
    "TranscriptFileName" TEXT NOT NULL,
    "TranscriptBlob" TEXT NOT NULL,
    "Format" TEXT NOT NULL,
    "DurationSeconds" REAL NOT NULL,
    "SampleRate" INTEGER NOT NULL,
    "Channels" INTEGER NOT NULL,
    "BitRate" INTEGER NOT NULL,
    "AudioBytes" INTEGER NOT NULL,
    "TranscriptWords" INTEGER NOT NULL,
    "Warnings" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_DataFiles_CustomModels_ModelId" FOREIGN KEY ("ModelId") REFERENCES "CustomModels" ("Id") ON DELETE CASCADE
);


CREATE TABLE "TrainingLog" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_TrainingLog" PRIMARY KEY AUTOINCREMENT,
    "ModelId" INTEGER NOT NULL,
    "RunId" INTEGER NULL,
    "Timestamp" INTEGER NOT NULL,
    "Level" TEXT NOT NULL,
    "Message" TEXT NOT NULL,
    CONSTRAINT "FK_TrainingLog_CustomModels_ModelId" FOREIGN KEY ("ModelId") REFERENCES "CustomModels" ("Id") ON DELETE CASCADE
);


CREATE TABLE "TrainingRuns" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_TrainingRuns" PRIMARY KEY AUTOINCREMENT,
    "ModelId" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    "Engine" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "TrainingHours" REAL NOT NULL,
    "WordErrorRate" REAL NULL,
    "BaseWordErrorRate" REAL NULL,
    "CharacterErrorRate" REAL NULL,
    "AccuracyImprovement" REAL NULL,
    "FailureReason" TEXT NULL,
    "ArtifactBlob" TEXT NULL,
    "QueuedAt" INTEGER NOT NULL,
    "StartedAt" INTEGER NULL,
    "FinishedAt" INTEGER NULL,
    CONSTRAINT "FK_TrainingRuns_CustomModels_ModelId" FOREIGN KEY ("ModelId") REFERENCES "CustomModels" ("Id") ON DELETE CASCADE
);


CREATE INDEX "IX_ApiKeys_OrganizationId" ON "ApiKeys" ("OrganizationId");


CREATE UNIQUE INDEX "IX_ApiKeys_SecretHash" ON "ApiKeys" ("SecretHash");


CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");


CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");


CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");


CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");


CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");


CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");


CREATE INDEX "IX_AspNetUsers_OrganizationId" ON "AspNetUsers" ("OrganizationId");


CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");


CREATE INDEX "IX_CustomModels_OrganizationId_TrainingStatus" ON "CustomModels" ("OrganizationId", "TrainingStatus");


CREATE INDEX "IX_DataFiles_ModelId" ON "DataFiles" ("ModelId");


CREATE INDEX "IX_Ledger_OrganizationId_CreatedAt" ON "Ledger" ("OrganizationId", "CreatedAt");


CREATE UNIQUE INDEX "IX_Organizations_Name" ON "Organizations" ("Name");


CREATE INDEX "IX_TrainingLog_ModelId_Id" ON "TrainingLog" ("ModelId", "Id");


CREATE INDEX "IX_TrainingRuns_ModelId" ON "TrainingRuns" ("ModelId");


