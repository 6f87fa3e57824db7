# syntax=docker/dockerfile:1
# gamma-webhook container image: compiled JavaScript and production dependencies on a distroless
# Node.js 24 runtime, which has no shell and no package manager, running as the numeric non-root
# user 65532. Build from the repository root: docker build -t gamma-webhook .

ARG NODE_IMAGE=node:24-bookworm-slim
ARG RUNTIME_IMAGE=gcr.io/distroless/nodejs24-debian12:nonroot

# Compile TypeScript to dist/ with the full (dev) dependency tree.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# Production dependencies alone, in a clean tree: no TypeScript, no vitest, and no `node`
# devDependency (the pinned Node.js binary for npm scripts; the runtime image brings its own).
# No install scripts run: no production dependency needs one.
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund

FROM ${RUNTIME_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production
# Owned by root and read-only to the server's user: the process cannot change its own code.
COPY package.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist/src ./dist/src
# Numeric, so that Kubernetes' runAsNonRoot can verify it without reading /etc/passwd.
USER 65532:65532
# 8443: HTTPS admission, /healthz, /readyz; 9090: plain-HTTP /metrics (GAMMA_METRICS_PORT).
EXPOSE 8443 9090
# V8 flags (BENCHMARKS.md, "Second pass"). V8 sizes the young generation from the memory it sees
# (the container's limit when there is one, else the node's): on a large node without a limit,
# up to 64 MB per semi-space, 128 MB of RSS for short-lived garbage alone, more than the whole
# cache of 50,000 Services and 10,000 routes. 16 MB makes it the same wherever the pod lands; in
# an A/B trial CPU per request stayed within the noise of the default. The old generation's
# limit is left to Node, which derives it from the container's memory limit and so follows
# `resources.limits.memory` when that is raised for a large cluster. `npm run bench` and
# `npm run test:load` start the server with these flags (bench/node-flags.ts). The compiled entry
# is run directly, not through the package bin (bin/gamma-webhook.js, which runs the same file
# in-process on Node.js 24), so that the flags reach the server process.
ENTRYPOINT ["/nodejs/bin/node", "--max-semi-space-size=16", "dist/src/cli/main.js", "serve"]
