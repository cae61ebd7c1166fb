CREATE TABLE "Webhooks" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Webhooks" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "Url" TEXT NOT NULL,
    "Secret" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_Webhooks_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "OutboundDeliveries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_OutboundDeliveries" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "WebhookId" INTEGER NULL,
    "Kind" TEXT NOT NULL,
    "Reference" TEXT NULL,
    "Url" TEXT NOT NULL,
    "Method" TEXT NOT NULL,
    "Event" TEXT NOT NULL,
    "ModelId" INTEGER NULL,
    "Payload" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "LastStatusCode" INTEGER NULL,
    "LastError" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "LastAttemptAt" INTEGER NULL,
    "NextAttemptAt" INTEGER NULL,
    "DeliveredAt" INTEGER NULL,
    CONSTRAINT "FK_OutboundDeliveries_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_OutboundDeliveries_Webhooks_WebhookId" FOREIGN KEY ("WebhookId") REFERENCES "Webhooks" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_Webhooks_OrganizationId" ON "Webhooks" ("OrganizationId");

CREATE INDEX "IX_OutboundDeliveries_Kind_Reference" ON "OutboundDeliveries" ("Kind", "Reference");

CREATE INDEX "IX_OutboundDeliveries_OrganizationId_Id" ON "OutboundDeliveries" ("OrganizationId", "Id");

CREATE INDEX "IX_OutboundDeliveries_Status" ON "OutboundDeliveries" ("Status");

CREATE INDEX "IX_OutboundDeliveries_WebhookId" ON "OutboundDeliveries" ("WebhookId");
