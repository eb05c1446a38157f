# billing-sim as a service container: the three simulators on their default ports.
#
#   docker build -t billing-sim .
#   docker run --rm --network host billing-sim                   # 127.0.0.1:8401, :8402, :8443
#   docker run --rm -p 8401:8401 -p 8402:8402 -p 8443:8443 billing-sim
#
# Behind a TLS-intercepting proxy, hand `npm ci` the proxy's CA bundle as a BuildKit secret
# (optional: without it the build trusts Node's own CAs):
#   DOCKER_BUILDKIT=1 docker build --secret id=ca,src=/etc/ssl/certs/ca-certificates.crt -t billing-sim .
# Another Debian-based Node.js ≥ 20.19 image works as the base: --build-arg BASE=<image>.
# docs/container.md: configuration by environment and config file, compose, Testcontainers.

ARG BASE=node:20-bookworm-slim

# --- build: every dependency, then tsc and the CLI bundle ------------------------------------
FROM ${BASE} AS build
WORKDIR /src
COPY package.json package-lock.json ./
# Install scripts are not needed (esbuild finds its platform package by itself).
RUN --mount=type=secret,id=ca,mode=0444 --mount=type=cache,target=/root/.npm \
    if [ -s /run/secrets/ca ]; then export NODE_EXTRA_CA_CERTS=/run/secrets/ca; fi; \
    npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY bin ./bin
COPY contracts ./contracts
COPY harness ./harness
COPY simulators ./simulators
RUN npm run build && rm -f dist/.tsbuildinfo

# --- deps: production dependencies only --------------------------------------------------------
FROM ${BASE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=secret,id=ca,mode=0444 --mount=type=cache,target=/root/.npm \
    if [ -s /run/secrets/ca ]; then export NODE_EXTRA_CA_CERTS=/run/secrets/ca; fi; \
    npm ci --omit=dev --ignore-scripts --no-audit --no-fund

# --- runtime: what `npm pack` ships (no tests, no bench, no dev dependencies) ------------------
FROM ${BASE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /src/dist ./dist
COPY package.json README.md ./
COPY bin/billing-sim.js ./bin/billing-sim.js
COPY contracts ./contracts
# The harness reads its shipped rate card from the package root at run time.
COPY harness/rate-card/default-rate-card.yaml ./harness/rate-card/
COPY docs ./docs
# The dashboard's static page (/_sim/ui), read from the package root like the contracts.
COPY simulators/kernel/dashboard ./simulators/kernel/dashboard
COPY scripts/healthcheck.cjs ./healthcheck.cjs
RUN ln -s /app/bin/billing-sim.js /usr/local/bin/billing-sim
# Where `serve --state-file` keeps state across restarts (compose.yaml mounts a volume here and sets
# BILLING_SIM_STATE_FILE=/state/billing-sim-state.json); owned by the non-root user so it can write.
RUN mkdir -p /state && chown node:node /state
# Non-root. The simulators' default ports are above 1024.
USER node
EXPOSE 8401 8402 8403 8443
# Every simulator that runs answers GET /_sim/health (see healthcheck.cjs for which it probes).
HEALTHCHECK --interval=5s --timeout=3s --start-period=20s --retries=3 \
    CMD ["node", "/app/healthcheck.cjs"]
# Node is PID 1 and handles SIGTERM/SIGINT itself: `serve` closes its listeners (and saves the
# state file, when one is given) and exits 0.
ENTRYPOINT ["node", "/app/bin/billing-sim.js"]
# Listen on every interface, or a published port reaches nothing. An environment default, not a
# flag, so that BILLING_SIM_HOST, BILLING_SIM_CONFIG and the other BILLING_SIM_* variables (which
# flags would override) configure the container; `docker run … serve --host …` still wins.
ENV BILLING_SIM_HOST=0.0.0.0
CMD ["serve"]
