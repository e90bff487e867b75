namespace SafetyReports.Identity.Storage;

/// <summary>
/// Migration 1 of Identity's database: the create script of the model (ASP.NET Core Identity's users and roles, OpenIddict's
/// applications, authorizations, scopes and tokens) as EF Core generated it for the release of 2026-11-29, the last before the
/// journal. Never edited: when the model changes (a package upgrade, a new entity), the change is a later migration, and
/// <c>IdentitySchemaTests</c> fails until there is one.
/// </summary>
internal static class IdentityBaseline
{
    public const string Schema = """
        CREATE TABLE "AspNetRoles" (
            "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
            "Name" TEXT NULL,
            "NormalizedName" TEXT NULL,
            "ConcurrencyStamp" TEXT NULL
        );
        CREATE TABLE "AspNetUsers" (
            "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
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
            "LockoutEnd" TEXT NULL,
            "LockoutEnabled" INTEGER NOT NULL,
            "AccessFailedCount" INTEGER NOT NULL
        );
        CREATE TABLE "OpenIddictApplications" (
            "Id" TEXT NOT NULL CONSTRAINT "PK_OpenIddictApplications" PRIMARY KEY,
            "ApplicationType" TEXT NULL,
            "ClientId" TEXT NULL,
            "ClientSecret" TEXT NULL,
            "ClientType" TEXT NULL,
            "ConcurrencyToken" TEXT NULL,
            "ConsentType" TEXT NULL,
            "DisplayName" TEXT NULL,
            "DisplayNames" TEXT NULL,
            "JsonWebKeySet" TEXT NULL,
            "Permissions" TEXT NULL,
            "PostLogoutRedirectUris" TEXT NULL,
            "Properties" TEXT NULL,
            "RedirectUris" TEXT NULL,
            "Requirements" TEXT NULL,
            "Settings" TEXT NULL
        );
        CREATE TABLE "OpenIddictScopes" (
            "Id" TEXT NOT NULL CONSTRAINT "PK_OpenIddictScopes" PRIMARY KEY,
            "ConcurrencyToken" TEXT NULL,
            "Description" TEXT NULL,
            "Descriptions" TEXT NULL,
            "DisplayName" TEXT NULL,
            "DisplayNames" TEXT NULL,
            "Name" TEXT NULL,
            "Properties" TEXT NULL,
            "Resources" TEXT NULL
        );
        CREATE TABLE "AspNetRoleClaims" (
            "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
            "RoleId" TEXT NOT NULL,
            "ClaimType" TEXT NULL,
            "ClaimValue" TEXT NULL,
            CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
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
        CREATE TABLE "OpenIddictAuthorizations" (
            "Id" TEXT NOT NULL CONSTRAINT "PK_OpenIddictAuthorizations" PRIMARY KEY,
            "ApplicationId" TEXT NULL,
            "ConcurrencyToken" TEXT NULL,
            "CreationDate" TEXT NULL,
            "Properties" TEXT NULL,
            "Scopes" TEXT NULL,
            "Status" TEXT NULL,
            "Subject" TEXT NULL,
            "Type" TEXT NULL,
            CONSTRAINT "FK_OpenIddictAuthorizations_OpenIddictApplications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "OpenIddictApplications" ("Id")
        );
        CREATE TABLE "OpenIddictTokens" (
            "Id" TEXT NOT NULL CONSTRAINT "PK_OpenIddictTokens" PRIMARY KEY,
            "ApplicationId" TEXT NULL,
            "AuthorizationId" TEXT NULL,
            "ConcurrencyToken" TEXT NULL,
            "CreationDate" TEXT NULL,
            "ExpirationDate" TEXT NULL,
            "Payload" TEXT NULL,
            "Properties" TEXT NULL,
            "RedemptionDate" TEXT NULL,
            "ReferenceId" TEXT NULL,
            "Status" TEXT NULL,
            "Subject" TEXT NULL,
            "Type" TEXT NULL,
            CONSTRAINT "FK_OpenIddictTokens_OpenIddictApplications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "OpenIddictApplications" ("Id"),
            CONSTRAINT "FK_OpenIddictTokens_OpenIddictAuthorizations_AuthorizationId" FOREIGN KEY ("AuthorizationId") REFERENCES "OpenIddictAuthorizations" ("Id")
        );
        CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");
        CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");
        CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");
        CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");
        CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");
        CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");
        CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");
        CREATE UNIQUE INDEX "IX_OpenIddictApplications_ClientId" ON "OpenIddictApplications" ("ClientId");
        CREATE INDEX "IX_OpenIddictAuthorizations_ApplicationId_Status_Subject_Type" ON "OpenIddictAuthorizations" ("ApplicationId", "Status", "Subject", "Type");
        CREATE UNIQUE INDEX "IX_OpenIddictScopes_Name" ON "OpenIddictScopes" ("Name");
        CREATE INDEX "IX_OpenIddictTokens_ApplicationId_Status_Subject_Type" ON "OpenIddictTokens" ("ApplicationId", "Status", "Subject", "Type");
        CREATE INDEX "IX_OpenIddictTokens_AuthorizationId" ON "OpenIddictTokens" ("AuthorizationId");
        CREATE UNIQUE INDEX "IX_OpenIddictTokens_ReferenceId" ON "OpenIddictTokens" ("ReferenceId");
        """;
}
