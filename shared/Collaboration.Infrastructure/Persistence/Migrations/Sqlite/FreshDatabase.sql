CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

BEGIN TRANSACTION;
CREATE TABLE "Accounts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Accounts" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "Name" TEXT NOT NULL
);

CREATE TABLE "AssignmentRules" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AssignmentRules" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Country" TEXT NULL,
    "EmailDomainSuffix" TEXT NULL,
    "AssigneeObjectId" TEXT NULL,
    "Team" TEXT NULL
);

CREATE TABLE "ConversationReferences" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ConversationReferences" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "ConversationId" TEXT NOT NULL,
    "UserObjectId" TEXT NULL,
    "ServiceUrl" TEXT NOT NULL,
    "ChannelId" TEXT NOT NULL,
    "ConversationType" TEXT NULL,
    "TeamId" TEXT NULL,
    "BotId" TEXT NULL,
    "Locale" TEXT NULL,
    "IsActive" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL
);

CREATE TABLE "Deliveries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Deliveries" PRIMARY KEY AUTOINCREMENT,
    "TenantId" TEXT NOT NULL,
    "RecipientKind" TEXT NOT NULL,
    "Recipient" TEXT NOT NULL,
    "SourceKey" TEXT NOT NULL,
    "OutboxMessageId" INTEGER NULL,
    "Kind" TEXT NOT NULL,
    "Payload" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "DueAt" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "NextAttemptAt" INTEGER NOT NULL,
    "LastError" TEXT NULL,
    "SentAt" INTEGER NULL,
    "ExternalId" TEXT NULL,
    "LockedBy" TEXT NULL,
    "LockedUntil" INTEGER NULL
);

CREATE TABLE "ImportJobs" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ImportJobs" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "SourceName" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "TotalRows" INTEGER NOT NULL,
    "ProcessedRows" INTEGER NOT NULL,
    "Created" INTEGER NOT NULL,
    "ExistingContacts" INTEGER NOT NULL,
    "AlreadyImported" INTEGER NOT NULL,
    "DuplicatesInFile" INTEGER NOT NULL,
    "Invalid" INTEGER NOT NULL,
    "Errors" TEXT NOT NULL,
    "Failure" TEXT NULL,
    "Mapping" TEXT NOT NULL,
    "NextRow" INTEGER NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CompletedAt" INTEGER NULL
);

CREATE TABLE "ImportMappings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ImportMappings" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "SourceKey" TEXT NOT NULL,
    "Columns" TEXT NOT NULL,
    "UpdatedAt" INTEGER NOT NULL
);

CREATE TABLE "MailboxSubscriptions" (
    "Mailbox" TEXT NOT NULL CONSTRAINT "PK_MailboxSubscriptions" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "SubscriptionId" TEXT NOT NULL,
    "ExpiresAt" INTEGER NOT NULL,
    "ClientStateHash" TEXT NOT NULL,
    "NotificationUrl" TEXT NOT NULL,
    "UpdatedAt" INTEGER NOT NULL
);

CREATE TABLE "NotificationSettings" (
    "TenantId" TEXT NOT NULL,
    "UserObjectId" TEXT NOT NULL,
    "QuietFrom" TEXT NULL,
    "QuietUntil" TEXT NULL,
    "DigestAt" TEXT NOT NULL,
    "LastDigestOn" TEXT NULL,
    CONSTRAINT "PK_NotificationSettings" PRIMARY KEY ("TenantId", "UserObjectId")
);

CREATE TABLE "NurtureSettings" (
    "TenantId" TEXT NOT NULL CONSTRAINT "PK_NurtureSettings" PRIMARY KEY,
    "Rules" TEXT NOT NULL
);

CREATE TABLE "Outbox" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Outbox" PRIMARY KEY AUTOINCREMENT,
    "TenantId" TEXT NOT NULL,
    "Type" TEXT NOT NULL,
    "Payload" TEXT NOT NULL,
    "OccurredAt" INTEGER NOT NULL,
    "ProcessedAt" INTEGER NULL,
    "Attempts" INTEGER NOT NULL,
    "LastError" TEXT NULL
);

CREATE TABLE "Quotas" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Quotas" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "OwnerId" TEXT NOT NULL,
    "PeriodStart" TEXT NOT NULL,
    "PeriodEnd" TEXT NOT NULL,
    "Amount" REAL NOT NULL,
    "Currency" TEXT NOT NULL
);

CREATE TABLE "RoundRobinCursors" (
    "TenantId" TEXT NOT NULL,
    "Team" TEXT NOT NULL,
    "Counter" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "PK_RoundRobinCursors" PRIMARY KEY ("TenantId", "Team")
);

CREATE TABLE "Subscriptions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Subscriptions" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "ConversationKey" TEXT NOT NULL,
    "Filter" TEXT NOT NULL,
    "Team" TEXT NULL,
    "CreatedBy" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL
);

CREATE TABLE "Tenants" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Tenants" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Pipeline" TEXT NOT NULL,
    "ExtraFreeMailDomains" TEXT NOT NULL,
    "NotFreeMailDomains" TEXT NOT NULL
);

CREATE TABLE "Users" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Users" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "ObjectId" TEXT NOT NULL,
    "DisplayName" TEXT NOT NULL,
    "Email" TEXT NULL,
    "Locale" TEXT NOT NULL,
    "TimeZone" TEXT NOT NULL,
    "Team" TEXT NULL,
    "ManagerObjectId" TEXT NULL,
    "IsAdmin" INTEGER NOT NULL
);

CREATE TABLE "WebForms" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WebForms" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "Key" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "AllowedOrigins" TEXT NOT NULL,
    "OwnerObjectId" TEXT NULL,
    "CreatedBy" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "RevokedAt" INTEGER NULL,
    "HoneypotCount" INTEGER NOT NULL
);

CREATE TABLE "AccountDomains" (
    "TenantId" TEXT NOT NULL,
    "Domain" TEXT NOT NULL,
    "AccountId" TEXT NOT NULL,
    CONSTRAINT "PK_AccountDomains" PRIMARY KEY ("TenantId", "Domain"),
    CONSTRAINT "FK_AccountDomains_Accounts_AccountId" FOREIGN KEY ("AccountId") REFERENCES "Accounts" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Contacts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Contacts" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "Email" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Title" TEXT NULL,
    "Phone" TEXT NULL,
    "AccountId" TEXT NULL,
    CONSTRAINT "FK_Contacts_Accounts_AccountId" FOREIGN KEY ("AccountId") REFERENCES "Accounts" ("Id") ON DELETE SET NULL
);

CREATE TABLE "ImportJobFiles" (
    "ImportJobId" TEXT NOT NULL CONSTRAINT "PK_ImportJobFiles" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "Content" BLOB NOT NULL,
    CONSTRAINT "FK_ImportJobFiles_ImportJobs_ImportJobId" FOREIGN KEY ("ImportJobId") REFERENCES "ImportJobs" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Opportunities" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Opportunities" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "AccountId" TEXT NULL,
    "PrimaryContactId" TEXT NULL,
    "OwnerId" TEXT NOT NULL,
    "Amount" REAL NULL,
    "Currency" TEXT NOT NULL,
    "CloseDate" TEXT NULL,
    "Stage" TEXT NOT NULL,
    "StageEnteredAt" INTEGER NOT NULL,
    "ManualProbability" INTEGER NULL,
    "Probability" INTEGER NOT NULL,
    "Bant" TEXT NOT NULL,
    "QualificationScore" INTEGER NOT NULL,
    "Rating" TEXT NOT NULL,
    "QualificationOverrideReason" TEXT NULL,
    "NextStep" TEXT NULL,
    "NextFollowUpOn" TEXT NULL,
    "Source" TEXT NOT NULL,
    "SourceDetail" TEXT NULL,
    "ReferredBy" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "LastActivityAt" INTEGER NULL,
    "ClosedAt" INTEGER NULL,
    "LossReason" TEXT NULL,
    "Competitor" TEXT NULL,
    "Review" TEXT NULL,
    "StageBeforeClose" INTEGER NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Opportunities_Accounts_AccountId" FOREIGN KEY ("AccountId") REFERENCES "Accounts" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Opportunities_Contacts_PrimaryContactId" FOREIGN KEY ("PrimaryContactId") REFERENCES "Contacts" ("Id") ON DELETE SET NULL
);

CREATE TABLE "FollowUpEnrolments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_FollowUpEnrolments" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "OpportunityId" TEXT NOT NULL,
    "ContactId" TEXT NULL,
    "PlanName" TEXT NOT NULL,
    "Steps" TEXT NOT NULL,
    "StartedOn" TEXT NOT NULL,
    "EnrolledBy" TEXT NOT NULL,
    "StepsDone" INTEGER NOT NULL,
    CONSTRAINT "FK_FollowUpEnrolments_Opportunities_OpportunityId" FOREIGN KEY ("OpportunityId") REFERENCES "Opportunities" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ImportedRows" (
    "TenantId" TEXT NOT NULL,
    "RowKey" TEXT NOT NULL,
    "OpportunityId" TEXT NOT NULL,
    "ImportJobId" TEXT NOT NULL,
    "ImportedAt" INTEGER NOT NULL,
    CONSTRAINT "PK_ImportedRows" PRIMARY KEY ("TenantId", "RowKey"),
    CONSTRAINT "FK_ImportedRows_Opportunities_OpportunityId" FOREIGN KEY ("OpportunityId") REFERENCES "Opportunities" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Interactions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Interactions" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "OpportunityId" TEXT NULL,
    "ContactId" TEXT NULL,
    "Kind" TEXT NOT NULL,
    "Direction" TEXT NOT NULL,
    "OccurredAt" INTEGER NOT NULL,
    "Subject" TEXT NULL,
    "Summary" TEXT NOT NULL,
    "Body" TEXT NULL,
    "LoggedBy" TEXT NOT NULL,
    "Surface" TEXT NOT NULL,
    "SourceId" TEXT NULL,
    "ConversationId" TEXT NULL,
    CONSTRAINT "FK_Interactions_Contacts_ContactId" FOREIGN KEY ("ContactId") REFERENCES "Contacts" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Interactions_Opportunities_OpportunityId" FOREIGN KEY ("OpportunityId") REFERENCES "Opportunities" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Mutes" (
    "TenantId" TEXT NOT NULL,
    "UserObjectId" TEXT NOT NULL,
    "OpportunityId" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    CONSTRAINT "PK_Mutes" PRIMARY KEY ("TenantId", "UserObjectId", "OpportunityId"),
    CONSTRAINT "FK_Mutes_Opportunities_OpportunityId" FOREIGN KEY ("OpportunityId") REFERENCES "Opportunities" ("Id") ON DELETE CASCADE
);

CREATE TABLE "OpportunityChanges" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_OpportunityChanges" PRIMARY KEY AUTOINCREMENT,
    "TenantId" TEXT NOT NULL,
    "OpportunityId" TEXT NOT NULL,
    "Field" TEXT NOT NULL,
    "OldValue" TEXT NULL,
    "NewValue" TEXT NULL,
    "ChangedBy" TEXT NOT NULL,
    "ChangedAt" INTEGER NOT NULL,
    "Surface" TEXT NOT NULL,
    CONSTRAINT "FK_OpportunityChanges_Opportunities_OpportunityId" FOREIGN KEY ("OpportunityId") REFERENCES "Opportunities" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Snoozes" (
    "TenantId" TEXT NOT NULL,
    "OpportunityId" TEXT NOT NULL,
    "Rule" TEXT NOT NULL,
    "UserObjectId" TEXT NOT NULL,
    "Until" INTEGER NOT NULL,
    CONSTRAINT "PK_Snoozes" PRIMARY KEY ("TenantId", "OpportunityId", "Rule"),
    CONSTRAINT "FK_Snoozes_Opportunities_OpportunityId" FOREIGN KEY ("OpportunityId") REFERENCES "Opportunities" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AccountDomains_AccountId" ON "AccountDomains" ("AccountId");

CREATE INDEX "IX_Accounts_TenantId_Name" ON "Accounts" ("TenantId", "Name");

CREATE INDEX "IX_AssignmentRules_TenantId_Position" ON "AssignmentRules" ("TenantId", "Position");

CREATE INDEX "IX_Contacts_AccountId" ON "Contacts" ("AccountId");

CREATE INDEX "IX_Contacts_TenantId_AccountId" ON "Contacts" ("TenantId", "AccountId");

CREATE UNIQUE INDEX "IX_Contacts_TenantId_Email" ON "Contacts" ("TenantId", "Email");

CREATE UNIQUE INDEX "IX_ConversationReferences_TenantId_ConversationId" ON "ConversationReferences" ("TenantId", "ConversationId");

CREATE INDEX "IX_ConversationReferences_TenantId_UserObjectId" ON "ConversationReferences" ("TenantId", "UserObjectId");

CREATE INDEX "IX_Deliveries_Status_NextAttemptAt" ON "Deliveries" ("Status", "NextAttemptAt");

CREATE UNIQUE INDEX "IX_Deliveries_TenantId_SourceKey_RecipientKind_Recipient" ON "Deliveries" ("TenantId", "SourceKey", "RecipientKind", "Recipient");

CREATE INDEX "IX_Deliveries_TenantId_Status_NextAttemptAt" ON "Deliveries" ("TenantId", "Status", "NextAttemptAt");

CREATE INDEX "IX_FollowUpEnrolments_OpportunityId" ON "FollowUpEnrolments" ("OpportunityId");

CREATE INDEX "IX_FollowUpEnrolments_TenantId_OpportunityId" ON "FollowUpEnrolments" ("TenantId", "OpportunityId");

CREATE INDEX "IX_ImportedRows_ImportJobId" ON "ImportedRows" ("ImportJobId");

CREATE INDEX "IX_ImportedRows_OpportunityId" ON "ImportedRows" ("OpportunityId");

CREATE INDEX "IX_ImportJobs_Status" ON "ImportJobs" ("Status");

CREATE INDEX "IX_ImportJobs_TenantId_CreatedAt" ON "ImportJobs" ("TenantId", "CreatedAt");

CREATE UNIQUE INDEX "IX_ImportMappings_TenantId_SourceKey" ON "ImportMappings" ("TenantId", "SourceKey");

CREATE INDEX "IX_Interactions_ContactId" ON "Interactions" ("ContactId");

CREATE INDEX "IX_Interactions_OpportunityId" ON "Interactions" ("OpportunityId");

CREATE INDEX "IX_Interactions_TenantId_ConversationId" ON "Interactions" ("TenantId", "ConversationId");

CREATE INDEX "IX_Interactions_TenantId_OpportunityId_OccurredAt" ON "Interactions" ("TenantId", "OpportunityId", "OccurredAt");

CREATE UNIQUE INDEX "IX_Interactions_TenantId_OpportunityId_SourceId" ON "Interactions" ("TenantId", "OpportunityId", "SourceId");

CREATE INDEX "IX_Interactions_TenantId_SourceId" ON "Interactions" ("TenantId", "SourceId");

CREATE INDEX "IX_Mutes_OpportunityId" ON "Mutes" ("OpportunityId");

CREATE INDEX "IX_Mutes_TenantId_OpportunityId" ON "Mutes" ("TenantId", "OpportunityId");

CREATE INDEX "IX_Opportunities_AccountId" ON "Opportunities" ("AccountId");

CREATE INDEX "IX_Opportunities_PrimaryContactId" ON "Opportunities" ("PrimaryContactId");

CREATE INDEX "IX_Opportunities_TenantId_AccountId" ON "Opportunities" ("TenantId", "AccountId");

CREATE INDEX "IX_Opportunities_TenantId_OwnerId_Stage_CloseDate" ON "Opportunities" ("TenantId", "OwnerId", "Stage", "CloseDate");

CREATE INDEX "IX_Opportunities_TenantId_PrimaryContactId" ON "Opportunities" ("TenantId", "PrimaryContactId");

CREATE INDEX "IX_OpportunityChanges_OpportunityId" ON "OpportunityChanges" ("OpportunityId");

CREATE INDEX "IX_OpportunityChanges_StagePath" ON "OpportunityChanges" ("TenantId", "Field", "OpportunityId", "ChangedAt", "Id", "NewValue");

CREATE INDEX "IX_OpportunityChanges_StagePeriod" ON "OpportunityChanges" ("TenantId", "Field", "ChangedAt", "OpportunityId", "Id", "NewValue");

CREATE INDEX "IX_OpportunityChanges_TenantId_OpportunityId_ChangedAt" ON "OpportunityChanges" ("TenantId", "OpportunityId", "ChangedAt");

CREATE INDEX "IX_Outbox_ProcessedAt_Id" ON "Outbox" ("ProcessedAt", "Id");

CREATE INDEX "IX_Quotas_TenantId_OwnerId_PeriodStart" ON "Quotas" ("TenantId", "OwnerId", "PeriodStart");

CREATE INDEX "IX_Snoozes_OpportunityId" ON "Snoozes" ("OpportunityId");

CREATE UNIQUE INDEX "IX_Subscriptions_TenantId_ConversationKey_Filter_Team" ON "Subscriptions" ("TenantId", "ConversationKey", "Filter", "Team");

CREATE UNIQUE INDEX "IX_Users_TenantId_ObjectId" ON "Users" ("TenantId", "ObjectId");

CREATE UNIQUE INDEX "IX_WebForms_Key" ON "WebForms" ("Key");

CREATE INDEX "IX_WebForms_TenantId" ON "WebForms" ("TenantId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261127004630_Initial', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "StageStints" (
    "OpportunityId" TEXT NOT NULL,
    "Ordinal" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL,
    "OwnerId" TEXT NOT NULL,
    "Source" INTEGER NOT NULL,
    "Stage" INTEGER NOT NULL,
    "EnteredAt" INTEGER NOT NULL,
    "Month" INTEGER NOT NULL,
    "LeftAt" INTEGER NOT NULL,
    "PreviousEntryAt" INTEGER NOT NULL,
    "AdvancedAt" INTEGER NOT NULL,
    "WonAt" INTEGER NOT NULL,
    "StartedAt" INTEGER NOT NULL,
    "LossReason" TEXT NULL,
    "Competitor" TEXT NULL,
    "Currency" TEXT NULL,
    "Amount" REAL NULL,
    CONSTRAINT "PK_StageStints" PRIMARY KEY ("OpportunityId", "Ordinal"),
    CONSTRAINT "FK_StageStints_Opportunities_OpportunityId" FOREIGN KEY ("OpportunityId") REFERENCES "Opportunities" ("Id") ON DELETE CASCADE
);

INSERT INTO "StageStints" ("OpportunityId", "Ordinal", "TenantId", "OwnerId", "Source", "Stage", "EnteredAt", "Month",
                           "LeftAt", "PreviousEntryAt", "AdvancedAt", "WonAt", "StartedAt",
                           "LossReason", "Competitor", "Currency", "Amount")
SELECT p."OpportunityId", p."Ordinal", p."TenantId", o."OwnerId", CASE o."Source" WHEN 'Manual' THEN 0 WHEN 'Email' THEN 1 WHEN 'WebForm' THEN 2 WHEN 'Import' THEN 3
    WHEN 'Event' THEN 4 WHEN 'Referral' THEN 5 WHEN 'Prospecting' THEN 6 END, p."Stage", p."At", CAST(strftime('%Y%m', (p."At" - 621355968000000000) / 10000000, 'unixepoch') AS INTEGER),
       COALESCE(p."NextAt", 9223372036854775807),
       COALESCE(p."PreviousSameAt", -9223372036854775807 - 1),
       COALESCE(CASE p."Stage" WHEN 7 THEN p."Above7" WHEN 0 THEN p."Above0" WHEN 1 THEN p."Above1" WHEN 2 THEN p."Above2"
                    WHEN 3 THEN p."Above3" WHEN 4 THEN p."Above4" WHEN 5 THEN p."Above5" END, 9223372036854775807),
       COALESCE(p."WonAt", 9223372036854775807),
       p."StartedAt",
       CASE WHEN p."Stage" = 7 THEN o."LossReason" END, CASE WHEN p."Stage" = 7 THEN o."Competitor" END,
       CASE WHEN p."Stage" = 7 THEN o."Currency" END, CASE WHEN p."Stage" = 7 THEN o."Amount" END
FROM (
    SELECT r."OpportunityId", r."TenantId", r."Stage", r."At",
           CAST(ROW_NUMBER() OVER w - 1 AS INTEGER) AS "Ordinal",
           LEAD(r."At") OVER w AS "NextAt",
           FIRST_VALUE(r."At") OVER w AS "StartedAt",
           LAG(r."At") OVER (PARTITION BY r."OpportunityId", r."Stage" ORDER BY r."At", r."Id") AS "PreviousSameAt",
           MIN(CASE WHEN r."Stage" = 6 THEN r."At" END) OVER later AS "WonAt",
           MIN(CASE WHEN r."Stage" <= 6 THEN r."At" END) OVER later AS "Above7",
           MIN(CASE WHEN r."Stage" BETWEEN 1 AND 6 THEN r."At" END) OVER later AS "Above0",
           MIN(CASE WHEN r."Stage" BETWEEN 2 AND 6 THEN r."At" END) OVER later AS "Above1",
           MIN(CASE WHEN r."Stage" BETWEEN 3 AND 6 THEN r."At" END) OVER later AS "Above2",
           MIN(CASE WHEN r."Stage" BETWEEN 4 AND 6 THEN r."At" END) OVER later AS "Above3",
           MIN(CASE WHEN r."Stage" BETWEEN 5 AND 6 THEN r."At" END) OVER later AS "Above4",
           MIN(CASE WHEN r."Stage" = 6 THEN r."At" END) OVER later AS "Above5"
    FROM (
        SELECT c."OpportunityId", c."TenantId", c."Id", CASE lower(trim(c."NewValue")) WHEN 'new' THEN 0 WHEN 'qualify' THEN 1 WHEN 'nurture' THEN 2 WHEN 'proposal' THEN 3
    WHEN 'negotiation' THEN 4 WHEN 'contract' THEN 5 WHEN 'won' THEN 6 WHEN 'lost' THEN 7 END AS "Stage", (c."ChangedAt" >> 11) * 1000 - ((c."ChangedAt" << 53) >> 53) * 600000000 AS "At"
        FROM "OpportunityChanges" c
        WHERE c."Field" = 'Stage'
    ) r
    WHERE r."Stage" IS NOT NULL
    WINDOW w AS (PARTITION BY r."OpportunityId" ORDER BY r."At", r."Id"),
           later AS (w ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING)
) p
JOIN "Opportunities" o ON o."Id" = p."OpportunityId";

CREATE INDEX "IX_Opportunities_Pipeline" ON "Opportunities" ("TenantId", "OwnerId", "Stage", "CloseDate", "Source", "Currency", "Probability", "Amount");

CREATE INDEX "IX_StageStints_Current" ON "StageStints" ("TenantId", "Stage", "LeftAt", "EnteredAt", "OwnerId", "Source", "LossReason", "Competitor", "Currency", "Amount");

CREATE INDEX "IX_StageStints_Period" ON "StageStints" ("TenantId", "Month", "OwnerId", "Source", "Stage", "EnteredAt", "PreviousEntryAt", "LeftAt", "AdvancedAt", "WonAt", "StartedAt", "LossReason", "Competitor", "Currency", "Amount");

DROP INDEX "IX_OpportunityChanges_StagePath";

DROP INDEX "IX_OpportunityChanges_StagePeriod";

DROP INDEX "IX_Opportunities_TenantId_OwnerId_Stage_CloseDate";

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261127014613_StageStints', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Users" ADD "AdminFromRole" INTEGER NOT NULL DEFAULT 0;

CREATE TABLE "AuditEntries" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AuditEntries" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "ActorObjectId" TEXT NOT NULL,
    "At" INTEGER NOT NULL,
    "Action" TEXT NOT NULL,
    "Before" TEXT NULL,
    "After" TEXT NULL
);

CREATE INDEX "IX_AuditEntries_TenantId_At" ON "AuditEntries" ("TenantId", "At");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202185917_AdminAudit', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "OpportunityChanges" ADD "Reason" TEXT NULL;

ALTER TABLE "FollowUpEnrolments" ADD "StopReason" TEXT NULL;

ALTER TABLE "FollowUpEnrolments" ADD "StoppedAt" INTEGER NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202200026_DealUpkeep', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Users" ADD "Active" INTEGER NOT NULL DEFAULT 1;

ALTER TABLE "Users" ADD "ManagerSetByHand" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "Users" ADD "TeamSetByHand" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "Quotas" ADD "Team" TEXT NULL;

CREATE INDEX "IX_Quotas_TenantId_Team_PeriodStart" ON "Quotas" ("TenantId", "Team", "PeriodStart");

CREATE TABLE "ef_temp_Quotas" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Quotas" PRIMARY KEY,
    "Amount" REAL NOT NULL,
    "Currency" TEXT NOT NULL,
    "OwnerId" TEXT NULL,
    "PeriodEnd" TEXT NOT NULL,
    "PeriodStart" TEXT NOT NULL,
    "Team" TEXT NULL,
    "TenantId" TEXT NOT NULL
);

INSERT INTO "ef_temp_Quotas" ("Id", "Amount", "Currency", "OwnerId", "PeriodEnd", "PeriodStart", "Team", "TenantId")
SELECT "Id", "Amount", "Currency", "OwnerId", "PeriodEnd", "PeriodStart", "Team", "TenantId"
FROM "Quotas";

COMMIT;

PRAGMA foreign_keys = 0;

BEGIN TRANSACTION;
DROP TABLE "Quotas";

ALTER TABLE "ef_temp_Quotas" RENAME TO "Quotas";

COMMIT;

PRAGMA foreign_keys = 1;

BEGIN TRANSACTION;
CREATE INDEX "IX_Quotas_TenantId_OwnerId_PeriodStart" ON "Quotas" ("TenantId", "OwnerId", "PeriodStart");

CREATE INDEX "IX_Quotas_TenantId_Team_PeriodStart" ON "Quotas" ("TenantId", "Team", "PeriodStart");

COMMIT;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261203021015_Administration', '10.0.15');

BEGIN TRANSACTION;
ALTER TABLE "Opportunities" ADD "Contract" TEXT NULL;

ALTER TABLE "Opportunities" ADD "QuoteAcceptedAt" INTEGER NULL;

CREATE TABLE "ConvertSettings" (
    "TenantId" TEXT NOT NULL CONSTRAINT "PK_ConvertSettings" PRIMARY KEY,
    "DiscountApprovalThreshold" REAL NOT NULL,
    "TaxRatePercent" REAL NOT NULL,
    "TaxRatesByCurrency" TEXT NOT NULL,
    "CompanyName" TEXT NULL,
    "TermsEn" TEXT NULL,
    "TermsZh" TEXT NULL,
    "LogoPng" BLOB NULL
);

CREATE TABLE "Milestones" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Milestones" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "OpportunityId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Description" TEXT NULL,
    "Amount" REAL NULL,
    "Currency" TEXT NULL,
    "DueOn" TEXT NOT NULL,
    "InvoicedOn" TEXT NULL,
    "PaidOn" TEXT NULL,
    "DeliveredOn" TEXT NULL,
    "CreatedBy" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_Milestones_Opportunities_OpportunityId" FOREIGN KEY ("OpportunityId") REFERENCES "Opportunities" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Products" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Products" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Unit" TEXT NULL,
    "Prices" TEXT NOT NULL,
    "Active" INTEGER NOT NULL
);

CREATE TABLE "Quotes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Quotes" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "OpportunityId" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "Currency" TEXT NOT NULL,
    "Lines" TEXT NOT NULL,
    "TaxRatePercent" REAL NOT NULL,
    "Subtotal" REAL NOT NULL,
    "Discount" REAL NOT NULL,
    "Tax" REAL NOT NULL,
    "Total" REAL NOT NULL,
    "Status" TEXT NOT NULL,
    "IsCurrent" INTEGER NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "ApproverId" TEXT NULL,
    "Decision" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Quotes_Opportunities_OpportunityId" FOREIGN KEY ("OpportunityId") REFERENCES "Opportunities" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_Milestones_OpportunityId" ON "Milestones" ("OpportunityId");

CREATE INDEX "IX_Milestones_TenantId_OpportunityId" ON "Milestones" ("TenantId", "OpportunityId");

CREATE INDEX "IX_Milestones_TenantId_PaidOn_DeliveredOn_DueOn" ON "Milestones" ("TenantId", "PaidOn", "DeliveredOn", "DueOn");

CREATE UNIQUE INDEX "IX_Products_TenantId_Code" ON "Products" ("TenantId", "Code");

CREATE INDEX "IX_Quotes_OpportunityId" ON "Quotes" ("OpportunityId");

CREATE UNIQUE INDEX "IX_Quotes_TenantId_OpportunityId_Number" ON "Quotes" ("TenantId", "OpportunityId", "Number");

CREATE INDEX "IX_Quotes_TenantId_Status" ON "Quotes" ("TenantId", "Status");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261203102250_Convert', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "QuoteCards" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_QuoteCards" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "OpportunityId" TEXT NOT NULL,
    "QuoteNumber" INTEGER NOT NULL,
    "ServiceUrl" TEXT NOT NULL,
    "ConversationId" TEXT NOT NULL,
    "ConversationType" TEXT NULL,
    "BotId" TEXT NULL,
    "ActivityId" TEXT NOT NULL,
    "PostedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_QuoteCards_Opportunities_OpportunityId" FOREIGN KEY ("OpportunityId") REFERENCES "Opportunities" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_QuoteCards_OpportunityId" ON "QuoteCards" ("OpportunityId");

CREATE UNIQUE INDEX "IX_QuoteCards_TenantId_OpportunityId_QuoteNumber" ON "QuoteCards" ("TenantId", "OpportunityId", "QuoteNumber");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261203133326_QuoteCards', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "DataProtectionKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NOT NULL,
    "Xml" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_DataProtectionKeys_FriendlyName" ON "DataProtectionKeys" ("FriendlyName");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261203134313_DataProtectionKeys', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE INDEX "IX_StageStints_Entries" ON "StageStints" ("OpportunityId", "Stage", "EnteredAt");

CREATE INDEX "IX_StageStints_Waiting" ON "StageStints" ("OpportunityId", "AdvancedAt", "Stage", "Ordinal");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261205014030_StageStintLookups', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
DROP INDEX "IX_OpportunityChanges_OpportunityId";

DROP INDEX "IX_OpportunityChanges_TenantId_OpportunityId_ChangedAt";

DROP INDEX "IX_Opportunities_AccountId";

DROP INDEX "IX_Opportunities_PrimaryContactId";

DROP INDEX "IX_Opportunities_TenantId_AccountId";

DROP INDEX "IX_Opportunities_TenantId_PrimaryContactId";

DROP INDEX "IX_Interactions_OpportunityId";

DROP INDEX "IX_Interactions_TenantId_OpportunityId_OccurredAt";

CREATE INDEX "IX_OpportunityChanges_OpportunityId_TenantId_ChangedAt" ON "OpportunityChanges" ("OpportunityId", "TenantId", "ChangedAt");

CREATE INDEX "IX_Opportunities_AccountId_TenantId" ON "Opportunities" ("AccountId", "TenantId");

CREATE INDEX "IX_Opportunities_PrimaryContactId_TenantId" ON "Opportunities" ("PrimaryContactId", "TenantId");

CREATE INDEX "IX_Interactions_OpportunityId_TenantId_OccurredAt" ON "Interactions" ("OpportunityId", "TenantId", "OccurredAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261205073418_ForeignKeyIndexesShared', '10.0.15');

COMMIT;

