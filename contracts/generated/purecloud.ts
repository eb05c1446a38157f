// Generated from contracts/purecloud.openapi.yaml by scripts/generate-contract-types.mjs (openapi-typescript).
// Do not edit: change the contract and run `npm run generate:types`.
export interface paths {
    "/api/v2/billing/contracts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Contracts of the caller's org (preview). */
        get: operations["getBillingContracts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/billing/contracts/{contractId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One contract (preview). */
        get: operations["getBillingContract"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/billing/contracts/{contractId}/billingperiods/{billingPeriodId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Charges of one billing period of a contract (preview). */
        get: operations["getBillingContractBillingperiod"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/billing/contracts/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Invoices of the caller's org (preview). */
        get: operations["getBillingContractsInvoices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/billing/contracts/invoices/{invoiceId}/document": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Link to the invoice document (preview). */
        get: operations["getBillingContractsInvoiceDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/billing/contracts/invoices/{invoiceId}/lines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Lines of one invoice (preview); their amounts add up to the invoice amount. */
        get: operations["getBillingContractsInvoiceLines"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/billing/reports/billableusage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Billable licence usage for a period (asynchronous).
         * @description Generated in the background: the same GET answers status InProgress until the report is ready, then Complete with usages. Requires ANY of billing:subscription:read, billing:subscription:view. Generation takes 10 s of simulator time by default (option generation); usages is [] while InProgress; a failed generation answers 500 once.
         */
        get: operations["getBillingReportsBillableusage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/billing/trusteebillingoverview/{trustorOrgId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Billing overview of a customer org managed by the calling partner org.
         * @description Billing periods are UTC calendar months, index 0 being the month of "now". Without a trust the answer is 404 not.found (option noTrustError: forbidden gives 403).
         */
        get: operations["getBillingTrusteebillingoverviewTrustorOrgId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/organizations/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's own organization.
         * @description SDK OrganizationApi.getOrganizationsMe; "Requires NO permissions".
         */
        get: operations["getOrganizationsMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/orgauthorization/trustors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organizations that have authorized/trusted the caller's organization. */
        get: operations["getOrgauthorizationTrustors"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/orgauthorization/trustors/{trustorOrgId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One trust; 404 not.found when the org does not trust the caller's. */
        get: operations["getOrgauthorizationTrustor"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/documents/invoices/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The invoice PDF behind a signed document link.
         * @description The target of the url answered by /invoices/{invoiceId}/document. The real link's host and signature scheme are not public; the simulator signs org, invoice and expiry with its secret. Needs no bearer token and is not rate limited. A link that breaks its parameters' rules, is altered or has expired answers 403 not.authorized (never 400: a link is the client's only credential here).
         */
        get: operations["getInvoiceDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Client-credentials grant.
         * @description HTTP Basic `client_id:client_secret`, form body `grant_type=client_credentials`. Errors are OAuth JSON, not ErrorBody. invalid_client answers 401 by default (option invalidClientStatus); only client_credentials is simulated; this endpoint is not counted by the per-token API rate limiter.
         */
        post: operations["postOauthToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        BillingCharge: {
            actualQuantity?: number;
            /** @description Tokens the usage converts to (products paid from the wallet). */
            convertedTokenCount?: number;
            fairuseQuantity?: number;
            id?: string;
            name?: string;
            organizations?: components["schemas"]["NamedEntity"][];
            overageCharge?: number;
            overageCurrency?: string;
            overageQuantity?: number;
            overageRate?: number;
            prepaidQuantity?: number;
            product?: components["schemas"]["BillingProduct"];
            /** @description Tokens per unit of usage. */
            tokenConversionRate?: number;
        };
        BillingContract: {
            billingPeriods?: components["schemas"]["BillingContractPeriod"][];
            billToCustomer?: components["schemas"]["Customer"];
            commercialModel?: string;
            dateEnd?: components["schemas"]["Date"];
            dateRampEnd?: components["schemas"]["Date"];
            dateRampStart?: components["schemas"]["Date"];
            dateStart?: components["schemas"]["Date"];
            endCustomer?: components["schemas"]["Customer"];
            externalNumber?: string;
            id?: string;
            plans?: components["schemas"]["BillingPlan"][];
            purchaseOrderNumbers?: string[];
            soldToCustomer?: components["schemas"]["Customer"];
            /** @enum {string} */
            status?: "Active" | "Inactive";
        };
        BillingContractListing: {
            entities?: components["schemas"]["BillingContract"][];
        } & components["schemas"]["Listing"];
        BillingContractPeriod: {
            dateEnd?: components["schemas"]["Date"];
            dateStart?: components["schemas"]["Date"];
            id?: string;
            /** @enum {string} */
            status?: "Open" | "Closed";
        };
        BillingContractPeriodDetail: {
            charges?: components["schemas"]["BillingCharge"][];
            dateEnd?: components["schemas"]["Date"];
            dateStart?: components["schemas"]["Date"];
            id?: string;
            /** @enum {string} */
            status?: "Open" | "Closed";
            wallets?: components["schemas"]["BillingWallet"][];
        };
        BillingInvoice: {
            amount?: number;
            billToAddress?: components["schemas"]["InvoiceAddress"];
            billToCustomer?: components["schemas"]["Customer"];
            currencyIsoCode?: string;
            customerInvoiceType?: string;
            customerPoNumber?: string;
            dateInvoiced?: components["schemas"]["Date"];
            id?: string;
            paymentLink?: string;
            /** @enum {string} */
            paymentStatus?: "Paid" | "Unpaid";
            paymentTerms?: string;
            shipToAddress?: components["schemas"]["InvoiceAddress"];
            shipToCustomer?: components["schemas"]["Customer"];
            soldToCustomer?: components["schemas"]["Customer"];
        };
        BillingInvoiceItem: {
            amount?: number;
            dateEnd?: components["schemas"]["Date"];
            dateStart?: components["schemas"]["Date"];
            dateTransacted?: components["schemas"]["Date"];
            description?: string;
            id?: string;
            organization?: components["schemas"]["NamedEntity"];
            product?: components["schemas"]["BillingProduct"];
            quantity?: number;
            unitOfMeasure?: components["schemas"]["UnitOfMeasure"];
        };
        BillingInvoiceItemListing: {
            entities?: components["schemas"]["BillingInvoiceItem"][];
        } & components["schemas"]["Listing"];
        BillingInvoiceListing: {
            entities?: components["schemas"]["BillingInvoice"][];
        } & components["schemas"]["Listing"];
        BillingPlan: {
            id?: string;
            items?: components["schemas"]["BillingPlanItem"][];
            name?: string;
            organizations?: components["schemas"]["NamedEntity"][];
            product?: components["schemas"]["BillingProduct"];
        };
        BillingPlanItem: {
            currencyIsoCode?: string;
            dateChargedThrough?: components["schemas"]["Date"];
            dateEffectiveEnd?: components["schemas"]["Date"];
            dateEffectiveStart?: components["schemas"]["Date"];
            description?: string;
            discountAmount?: number;
            function?: string;
            itemNumber?: string;
            name?: string;
            overagePrice?: number;
            price?: number;
            quantity?: number;
            type?: string;
            unitOfMeasure?: components["schemas"]["UnitOfMeasure"];
        };
        BillingProduct: {
            id?: string;
            name?: string;
            sku?: string;
            unitOfMeasure?: components["schemas"]["UnitOfMeasure"];
        };
        BillingUsage: {
            /** @description The billable charge (licence type). */
            name: string;
            resources: components["schemas"]["BillingUsageResource"][];
            totalUsage: components["schemas"]["DecimalString"];
        };
        BillingUsageReport: {
            endDate: components["schemas"]["DateTime"];
            id?: string;
            name?: string;
            selfUri?: string;
            startDate: components["schemas"]["DateTime"];
            /** @enum {string} */
            status?: "InProgress" | "Complete";
            usages: components["schemas"]["BillingUsage"][];
        };
        BillingUsageResource: {
            date: components["schemas"]["DateTime"];
            /** @description User email or device id. */
            name: string;
        };
        BillingWallet: {
            balanceConsumption?: number;
            balanceDecrease?: number;
            balanceIncrease?: number;
            balanceOverage?: number;
            balanceOverageCharge?: number;
            balanceOverageCurrency?: string;
            balanceOverageRate?: number;
            endingBalance?: number;
            id?: string;
            name?: string;
            organizations?: components["schemas"]["NamedEntity"][];
            product?: components["schemas"]["BillingProduct"];
            startingBalance?: number;
            unitOfMeasure?: components["schemas"]["UnitOfMeasure"];
        };
        Customer: {
            id?: string;
            name?: string;
            number?: string;
        };
        /** Format: date */
        Date: string;
        /**
         * Format: date-time
         * @description UTC, millis only when non-zero (2018-07-01T00:00:00Z, 2018-08-31T23:59:59.999Z).
         */
        DateTime: string;
        /** @example 42 */
        DecimalString: string;
        Detail: {
            entityId?: string;
            entityName?: string;
            errorCode?: string;
            fieldName?: string;
        };
        ErrorBody: {
            /** @description Dotted lower-case code, e.g. invalid.date, missing.permissions. */
            code: string;
            contextId: string;
            details: components["schemas"]["Detail"][];
            entityId?: string;
            entityName?: string;
            errors: components["schemas"]["ErrorBody"][];
            limit?: components["schemas"]["Limit"];
            message: string;
            messageParams?: {
                [key: string]: string;
            };
            messageWithParams?: string;
            status: number;
        };
        InvoiceAddress: {
            addressType?: string;
            cityName?: string;
            citySubdivision1?: string;
            country?: string;
            countryCode?: string;
            currencyIsoCode?: string;
            dateEffective?: components["schemas"]["Date"];
            line1?: string;
            line2?: string;
            line3?: string;
            postalCode?: string;
            regionSubdivision1?: string;
            regionSubdivision2?: string;
            stateCode?: string;
        };
        /** @description Sent on 429 as {key token.rate.per.minute, namespace platform.api, value}. */
        Limit: {
            key?: string;
            namespace?: string;
            value?: number;
        };
        /** @description Cursor paging; newest entities first; before and after together answer 400 bad.request. */
        Listing: {
            /** @description Present while there is a next page. */
            nextUri?: string;
            /** @description Present while there is a previous page. */
            previousUri?: string;
            selfUri: string;
        };
        NamedEntity: {
            id?: string;
            name?: string;
        };
        OAuthError: {
            description: string;
            /** @enum {string} */
            error: "invalid_request" | "invalid_client" | "unauthorized_client" | "unsupported_grant_type" | "invalid_grant" | "too_many_requests" | "server_error" | "temporarily_unavailable";
            error_description: string;
        };
        OAuthToken: {
            access_token: string;
            expires_in: number;
            /** @constant */
            token_type: "bearer";
        };
        Organization: {
            defaultCountryCode?: string;
            defaultLanguage?: string;
            defaultSiteId?: string;
            domain?: string;
            features?: {
                [key: string]: boolean;
            };
            id: string;
            name: string;
            productPlatform?: string;
            selfUri: string;
            /** @enum {string} */
            state?: "active" | "inactive" | "deleted";
            supportURI?: string;
            thirdPartyOrgName?: string;
            thirdPartyURI?: string;
            version: number;
            voicemailEnabled?: boolean;
        };
        /** @description The slice of OrgUser a trust's createdBy carries. */
        OrgUser: {
            email?: string;
            id?: string;
            name?: string;
            state?: string;
            username?: string;
            version: number;
        };
        SubscriptionOverviewUsage: {
            bundleQuantity?: components["schemas"]["DecimalString"];
            grouping: string;
            isCancellable?: boolean;
            isThirdParty?: boolean;
            name: string;
            overagePrice?: components["schemas"]["DecimalString"];
            partNumber: string;
            prepayPrice?: components["schemas"]["DecimalString"];
            prepayQuantity: components["schemas"]["DecimalString"];
            unitOfMeasureType: string;
            usageNotes?: string;
            usageQuantity: components["schemas"]["DecimalString"];
        };
        TrusteeAuthorization: {
            permissions?: string[];
        };
        TrusteeBillingOverview: {
            billingPeriodEndDate?: components["schemas"]["DateTime"];
            billingPeriodStartDate?: components["schemas"]["DateTime"];
            contractAmendmentDate?: components["schemas"]["DateTime"];
            contractEffectiveDate?: components["schemas"]["DateTime"];
            contractEndDate?: components["schemas"]["DateTime"];
            currency: string;
            enabledProducts: string[];
            id?: string;
            inRampPeriod?: boolean;
            minimumMonthlyAmount?: components["schemas"]["DecimalString"];
            name?: string;
            organization: components["schemas"]["NamedEntity"];
            rampPeriodEndDate?: components["schemas"]["DateTime"];
            rampPeriodStartDate?: components["schemas"]["DateTime"];
            selfUri?: string;
            /** @enum {string} */
            subscriptionType: "ININ" | "MONTH_TO_MONTH" | "FREE_TRIAL_MONTH_TO_MONTH" | "PREPAY_MONTHLY_COMMITMENT" | "PREPAY" | "DEV_ORG_MONTH_TO_MONTH" | "DEV_ORG_PREPAY_MONTHLY_COMMITMENT" | "DEV_ORG_PREPAY";
            usages: components["schemas"]["SubscriptionOverviewUsage"][];
        };
        Trustor: {
            authorization?: components["schemas"]["TrusteeAuthorization"];
            createdBy?: components["schemas"]["OrgUser"];
            dateCreated?: components["schemas"]["DateTime"];
            enabled: boolean;
            id?: string;
            organization?: components["schemas"]["Organization"];
            selfUri?: string;
        };
        /** @description Page-number paging (pageSize, pageNumber, total, pageCount and the page URIs). */
        TrustorEntityListing: {
            entities: components["schemas"]["Trustor"][];
            firstUri: string;
            lastUri: string;
            nextUri?: string;
            pageCount: number;
            pageNumber: number;
            pageSize: number;
            previousUri?: string;
            selfUri: string;
            total: number;
        };
        /** @enum {string} */
        UnitOfMeasure: "Call" | "Character" | "Conversation" | "Course" | "Day" | "Each" | "Employee" | "Engagement" | "Event" | "Exam" | "GB" | "Hour" | "Instance" | "Interaction" | "Invocation" | "Message" | "MillionCharacters" | "Minute" | "Person" | "PhoneNumber" | "Port" | "Segment" | "Session" | "Stream" | "Token" | "Transaction" | "Turn" | "Unit" | "User";
        /** @description A signed, expiring link to the invoice PDF, served by the simulator at /documents/invoices/{invoiceId}.pdf. */
        UrlResponse: {
            /** Format: uri */
            url: string;
        };
    };
    responses: {
        /** @description ErrorBody, contextId equal to the ININ-Correlation-Id header. */
        Error: {
            headers: {
                "ININ-Correlation-Id": components["headers"]["CorrelationId"];
                "inin-ratelimit-allowed": components["headers"]["LegacyRateAllowed"];
                "inin-ratelimit-count": components["headers"]["LegacyRateCount"];
                "inin-ratelimit-reset": components["headers"]["LegacyRateReset"];
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description OPTIONS (the only method the simulator answers 405 to; another method on a known path is a 404): ErrorBody bad.request "HTTP 405 Method Not Allowed" on the API paths, OAuth error on the login service's, with `Allow` listing the path's methods (RFC 9110; empty for an unknown path). */
        MethodNotAllowed: {
            headers: {
                /** @description The methods the contract declares for the path (GET with HEAD). */
                Allow: string;
                "ININ-Correlation-Id": components["headers"]["CorrelationId"];
                "inin-ratelimit-allowed": components["headers"]["LegacyRateAllowed"];
                "inin-ratelimit-count": components["headers"]["LegacyRateCount"];
                "inin-ratelimit-reset": components["headers"]["LegacyRateReset"];
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"] | components["schemas"]["OAuthError"];
            };
        };
        /** @description OAuth-style error of the login service. */
        OAuthError: {
            headers: {
                "ININ-Correlation-Id": components["headers"]["CorrelationId"];
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["OAuthError"];
            };
        };
        /** @description ErrorBody on the API paths; OAuth error on the login service's paths. */
        UnmatchedError: {
            headers: {
                "ININ-Correlation-Id": components["headers"]["CorrelationId"];
                "inin-ratelimit-allowed": components["headers"]["LegacyRateAllowed"];
                "inin-ratelimit-count": components["headers"]["LegacyRateCount"];
                "inin-ratelimit-reset": components["headers"]["LegacyRateReset"];
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"] | components["schemas"]["OAuthError"];
            };
        };
    };
    parameters: {
        /** @description Cursor to the last entity of the current page; returns the page after it. */
        After: string;
        /** @description Cursor to the first entity of the current page; returns the page before it. Opaque base64url [R]: another listing's cursor answers 400 invalid.query.param.value; with after, 400 bad.request. */
        Before: string;
        /** @description Contracts per page (the SDKs send it as a string); SDK 262 "Number of entities to return. Maximum of 10." Default 10 [R]; outside 1..10 answers 400 invalid.query.param.value rather than clamping. */
        ContractsPageSize: number;
        /** @description A calendar day (yyyy-MM-dd), not before dateStart (400 invalid.value). */
        DateEnd: string;
        /** @description A calendar day (yyyy-MM-dd); otherwise 400 invalid.date. */
        DateStart: string;
        /** @description Page number (SDK default 1), at most nine digits [R]. */
        PageNumber: number;
        /** @description Entities per page (the SDKs send it as a string); SDK 262 "Number of entities to return. Maximum of 200." Default 25 [R]; outside 1..200 answers 400 invalid.query.param.value rather than clamping. */
        PageSize: number;
        /** @description Page size (SDK default 25); outside 1..100 answers 400 invalid.query.param.value [R]. */
        TrustorPageSize: number;
    };
    requestBodies: never;
    headers: {
        CacheControl: "no-store";
        /** @description Sent on every response; equals ErrorBody.contextId on errors. */
        CorrelationId: string;
        /** @description Pre-2021 header, only with the legacyRateLimitHeaders option. */
        LegacyRateAllowed: number;
        /** @description Requests counted in the current window (legacy option). */
        LegacyRateCount: number;
        /** @description Seconds until the window resets (legacy option). */
        LegacyRateReset: number;
        /** @description Seconds to wait (429, and injected 503s). */
        RetryAfter: number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getBillingContracts: {
        parameters: {
            query?: {
                /** @description Cursor to the last entity of the current page; returns the page after it. */
                after?: components["parameters"]["After"];
                /** @description Cursor to the first entity of the current page; returns the page before it. Opaque base64url [R]: another listing's cursor answers 400 invalid.query.param.value; with after, 400 bad.request. */
                before?: components["parameters"]["Before"];
                /** @description A calendar day (yyyy-MM-dd), not before dateStart (400 invalid.value). */
                dateEnd?: components["parameters"]["DateEnd"];
                /** @description A calendar day (yyyy-MM-dd); otherwise 400 invalid.date. */
                dateStart?: components["parameters"]["DateStart"];
                externalNumber?: string;
                /** @description Contracts per page (the SDKs send it as a string); SDK 262 "Number of entities to return. Maximum of 10." Default 10 [R]; outside 1..10 answers 400 invalid.query.param.value rather than clamping. */
                pageSize?: components["parameters"]["ContractsPageSize"];
                status?: "Active" | "Inactive";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            "5XX": components["responses"]["Error"];
            /** @description One page of contracts. */
            200: {
                headers: {
                    "ININ-Correlation-Id": components["headers"]["CorrelationId"];
                    "inin-ratelimit-allowed": components["headers"]["LegacyRateAllowed"];
                    "inin-ratelimit-count": components["headers"]["LegacyRateCount"];
                    "inin-ratelimit-reset": components["headers"]["LegacyRateReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BillingContractListing"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            413: components["responses"]["Error"];
            415: components["responses"]["Error"];
            429: components["responses"]["Error"];
            500: components["responses"]["Error"];
            503: components["responses"]["Error"];
        };
    };
    getBillingContract: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                contractId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            "5XX": components["responses"]["Error"];
            /** @description The contract. */
            200: {
                headers: {
                    "ININ-Correlation-Id": components["headers"]["CorrelationId"];
                    "inin-ratelimit-allowed": components["headers"]["LegacyRateAllowed"];
                    "inin-ratelimit-count": components["headers"]["LegacyRateCount"];
                    "inin-ratelimit-reset": components["headers"]["LegacyRateReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BillingContract"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            413: components["responses"]["Error"];
            415: components["responses"]["Error"];
            429: components["responses"]["Error"];
            500: components["responses"]["Error"];
            503: components["responses"]["Error"];
        };
    };
    getBillingContractBillingperiod: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                billingPeriodId: string;
                contractId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            "5XX": components["responses"]["Error"];
            /** @description The period with its charges. */
            200: {
                headers: {
                    "ININ-Correlation-Id": components["headers"]["CorrelationId"];
                    "inin-ratelimit-allowed": components["headers"]["LegacyRateAllowed"];
                    "inin-ratelimit-count": components["headers"]["LegacyRateCount"];
                    "inin-ratelimit-reset": components["headers"]["LegacyRateReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BillingContractPeriodDetail"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            413: components["responses"]["Error"];
            415: components["responses"]["Error"];
            429: components["responses"]["Error"];
            500: components["responses"]["Error"];
            503: components["responses"]["Error"];
        };
    };
    getBillingContractsInvoices: {
        parameters: {
            query?: {
                /** @description Cursor to the last entity of the current page; returns the page after it. */
                after?: components["parameters"]["After"];
                /** @description Cursor to the first entity of the current page; returns the page before it. Opaque base64url [R]: another listing's cursor answers 400 invalid.query.param.value; with after, 400 bad.request. */
                before?: components["parameters"]["Before"];
                /** @description A calendar day (yyyy-MM-dd), not before dateStart (400 invalid.value). */
                dateEnd?: components["parameters"]["DateEnd"];
                /** @description A calendar day (yyyy-MM-dd); otherwise 400 invalid.date. */
                dateStart?: components["parameters"]["DateStart"];
                /** @description Entities per page (the SDKs send it as a string); SDK 262 "Number of entities to return. Maximum of 200." Default 25 [R]; outside 1..200 answers 400 invalid.query.param.value rather than clamping. */
                pageSize?: components["parameters"]["PageSize"];
                /** @description Note the capital P of UnPaid; invoices themselves say Unpaid. */
                paymentStatus?: "Paid" | "UnPaid";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            "5XX": components["responses"]["Error"];
            /** @description One page of invoices. */
            200: {
                headers: {
                    "ININ-Correlation-Id": components["headers"]["CorrelationId"];
                    "inin-ratelimit-allowed": components["headers"]["LegacyRateAllowed"];
                    "inin-ratelimit-count": components["headers"]["LegacyRateCount"];
                    "inin-ratelimit-reset": components["headers"]["LegacyRateReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BillingInvoiceListing"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            413: components["responses"]["Error"];
            415: components["responses"]["Error"];
            429: components["responses"]["Error"];
            500: components["responses"]["Error"];
            503: components["responses"]["Error"];
        };
    };
    getBillingContractsInvoiceDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                invoiceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            "5XX": components["responses"]["Error"];
            /** @description The document link. */
            200: {
                headers: {
                    "ININ-Correlation-Id": components["headers"]["CorrelationId"];
                    "inin-ratelimit-allowed": components["headers"]["LegacyRateAllowed"];
                    "inin-ratelimit-count": components["headers"]["LegacyRateCount"];
                    "inin-ratelimit-reset": components["headers"]["LegacyRateReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UrlResponse"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            413: components["responses"]["Error"];
            415: components["responses"]["Error"];
            429: components["responses"]["Error"];
            500: components["responses"]["Error"];
            503: components["responses"]["Error"];
        };
    };
    getBillingContractsInvoiceLines: {
        parameters: {
            query?: {
                /** @description Cursor to the last entity of the current page; returns the page after it. */
                after?: components["parameters"]["After"];
                /** @description Cursor to the first entity of the current page; returns the page before it. Opaque base64url [R]: another listing's cursor answers 400 invalid.query.param.value; with after, 400 bad.request. */
                before?: components["parameters"]["Before"];
                /** @description Entities per page (the SDKs send it as a string); SDK 262 "Number of entities to return. Maximum of 200." Default 25 [R]; outside 1..200 answers 400 invalid.query.param.value rather than clamping. */
                pageSize?: components["parameters"]["PageSize"];
            };
            header?: never;
            path: {
                invoiceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            "5XX": components["responses"]["Error"];
            /** @description One page of lines. */
            200: {
                headers: {
                    "ININ-Correlation-Id": components["headers"]["CorrelationId"];
                    "inin-ratelimit-allowed": components["headers"]["LegacyRateAllowed"];
                    "inin-ratelimit-count": components["headers"]["LegacyRateCount"];
                    "inin-ratelimit-reset": components["headers"]["LegacyRateReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BillingInvoiceItemListing"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            413: components["responses"]["Error"];
            415: components["responses"]["Error"];
            429: components["responses"]["Error"];
            500: components["responses"]["Error"];
            503: components["responses"]["Error"];
        };
    };
    getBillingReportsBillableusage: {
        parameters: {
            query: {
                /** @description Same form as startDate; not before startDate (400 invalid.value). */
                endDate: string;
                /** @description ISO-8601 date-time, with or without seconds and millis, Z or offset (up to ±18:00); missing answers 400 bad.request, malformed or not a calendar day 400 invalid.date. */
                startDate: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            "5XX": components["responses"]["Error"];
            /** @description The report, InProgress or Complete. */
            200: {
                headers: {
                    "ININ-Correlation-Id": components["headers"]["CorrelationId"];
                    "inin-ratelimit-allowed": components["headers"]["LegacyRateAllowed"];
                    "inin-ratelimit-count": components["headers"]["LegacyRateCount"];
                    "inin-ratelimit-reset": components["headers"]["LegacyRateReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BillingUsageReport"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            413: components["responses"]["Error"];
            415: components["responses"]["Error"];
            429: components["responses"]["Error"];
            500: components["responses"]["Error"];
            503: components["responses"]["Error"];
        };
    };
    getBillingTrusteebillingoverviewTrustorOrgId: {
        parameters: {
            query?: {
                /** @description 0 = the open period, 1 = the previous closed one, and so on. At most four digits [R]: anything else answers 400 invalid.query.param.value; an index before the contract took effect answers 404. */
                billingPeriodIndex?: number;
            };
            header?: never;
            path: {
                trustorOrgId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            "5XX": components["responses"]["Error"];
            /** @description The overview. */
            200: {
                headers: {
                    "ININ-Correlation-Id": components["headers"]["CorrelationId"];
                    "inin-ratelimit-allowed": components["headers"]["LegacyRateAllowed"];
                    "inin-ratelimit-count": components["headers"]["LegacyRateCount"];
                    "inin-ratelimit-reset": components["headers"]["LegacyRateReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrusteeBillingOverview"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            /** @description No trust with that org, or no billing period at that index. */
            404: {
                headers: {
                    "ININ-Correlation-Id": components["headers"]["CorrelationId"];
                    "inin-ratelimit-allowed": components["headers"]["LegacyRateAllowed"];
                    "inin-ratelimit-count": components["headers"]["LegacyRateCount"];
                    "inin-ratelimit-reset": components["headers"]["LegacyRateReset"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            413: components["responses"]["Error"];
            415: components["responses"]["Error"];
            429: components["responses"]["Error"];
            500: components["responses"]["Error"];
            503: components["responses"]["Error"];
        };
    };
    getOrganizationsMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            "5XX": components["responses"]["Error"];
            /** @description The organization. */
            200: {
                headers: {
                    "ININ-Correlation-Id": components["headers"]["CorrelationId"];
                    "inin-ratelimit-allowed": components["headers"]["LegacyRateAllowed"];
                    "inin-ratelimit-count": components["headers"]["LegacyRateCount"];
                    "inin-ratelimit-reset": components["headers"]["LegacyRateReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organization"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            413: components["responses"]["Error"];
            415: components["responses"]["Error"];
            429: components["responses"]["Error"];
            500: components["responses"]["Error"];
            503: components["responses"]["Error"];
        };
    };
    getOrgauthorizationTrustors: {
        parameters: {
            query?: {
                /** @description Page number (SDK default 1), at most nine digits [R]. */
                pageNumber?: components["parameters"]["PageNumber"];
                /** @description Page size (SDK default 25); outside 1..100 answers 400 invalid.query.param.value [R]. */
                pageSize?: components["parameters"]["TrustorPageSize"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            "5XX": components["responses"]["Error"];
            /** @description One page of trusts. */
            200: {
                headers: {
                    "ININ-Correlation-Id": components["headers"]["CorrelationId"];
                    "inin-ratelimit-allowed": components["headers"]["LegacyRateAllowed"];
                    "inin-ratelimit-count": components["headers"]["LegacyRateCount"];
                    "inin-ratelimit-reset": components["headers"]["LegacyRateReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrustorEntityListing"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            413: components["responses"]["Error"];
            415: components["responses"]["Error"];
            429: components["responses"]["Error"];
            500: components["responses"]["Error"];
            503: components["responses"]["Error"];
        };
    };
    getOrgauthorizationTrustor: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                trustorOrgId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            "5XX": components["responses"]["Error"];
            /** @description The trust. */
            200: {
                headers: {
                    "ININ-Correlation-Id": components["headers"]["CorrelationId"];
                    "inin-ratelimit-allowed": components["headers"]["LegacyRateAllowed"];
                    "inin-ratelimit-count": components["headers"]["LegacyRateCount"];
                    "inin-ratelimit-reset": components["headers"]["LegacyRateReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Trustor"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Error"];
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            413: components["responses"]["Error"];
            415: components["responses"]["Error"];
            429: components["responses"]["Error"];
            500: components["responses"]["Error"];
            503: components["responses"]["Error"];
        };
    };
    getInvoiceDocument: {
        parameters: {
            query: {
                expires: string;
                org: string;
                signature: string;
            };
            header?: never;
            path: {
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            "5XX": components["responses"]["Error"];
            /** @description A one-page PDF with the invoice number, dates, lines and amounts. */
            200: {
                headers: {
                    "Content-Disposition"?: string;
                    "ININ-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            403: components["responses"]["Error"];
            404: components["responses"]["Error"];
            413: components["responses"]["Error"];
            429: components["responses"]["Error"];
            500: components["responses"]["Error"];
            503: components["responses"]["Error"];
        };
    };
    postOauthToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    /** @enum {string} */
                    grant_type: "client_credentials";
                };
            };
        };
        responses: {
            "4XX": components["responses"]["OAuthError"];
            "5XX": components["responses"]["OAuthError"];
            /** @description Token issued. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["CacheControl"];
                    "ININ-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthToken"];
                };
            };
            400: components["responses"]["OAuthError"];
            401: components["responses"]["OAuthError"];
            413: components["responses"]["OAuthError"];
            415: components["responses"]["OAuthError"];
            429: components["responses"]["OAuthError"];
            500: components["responses"]["OAuthError"];
            503: components["responses"]["OAuthError"];
        };
    };
}
