# syntax=docker/dockerfile:1.7
# One image definition for every Nest app of the workspace:
#   docker buildx build --build-arg APP=orders -t orders .
# Stages: build (Nx build of the app, which also writes a pruned package.json and lockfile),
# deps (production dependencies from that lockfile), runtime (distroless Node 24, numeric non-root
# user, nothing writable needed, tracing preloaded). tools/ci/e2e/image-build.e2e-spec.ts runs the
# deps stage's command and the runtime command outside Docker on every change.

# Base images are named in the FROM lines (not through ARGs) so Dependabot can update them. Build
# stages and runtime share Debian 13 (trixie): the glibc that native packages are installed for in
# deps is the one they run on.

# 1. build: the whole workspace (dev dependencies, Nx) compiles one app to dist/apps/$APP.
# It runs on the builder's own platform: its output is platform-independent JavaScript.
FROM --platform=$BUILDPLATFORM node:24-trixie-slim AS build
WORKDIR /workspace
ENV NX_DAEMON=false \
    NX_NO_CLOUD=true \
    NX_SKIP_NX_CACHE=true \
    CI=true
# Lockfile first: the install layer is reused until dependencies change.
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm,sharing=locked \
    npm ci --no-audit --no-fund
COPY . .
ARG APP
RUN test -n "$APP" || { echo 'set the app to build: --build-arg APP=<orders|payments|users|loadgen>' >&2; exit 1; }
RUN npx nx build "$APP" --outputStyle=stream \
    && test -f "dist/apps/$APP/main.js" \
    && test -f "dist/apps/$APP/instrumentation.js" \
    && test -f "dist/apps/$APP/package-lock.json"

# 2. deps: only the packages the app requires at run time, exactly as locked. Install scripts stay
# off (none of the runtime packages needs one). It also runs on the builder's platform, asking npm
# for the target's native packages, so multi-platform builds need no emulation. The packages'
# source maps and type declarations (over half of the bytes; nothing reads them at run time) go.
FROM --platform=$BUILDPLATFORM node:24-trixie-slim AS deps
ARG APP
ARG TARGETARCH
WORKDIR /app
COPY --from=build /workspace/dist/apps/${APP}/package.json /workspace/dist/apps/${APP}/package-lock.json ./
RUN --mount=type=cache,target=/root/.npm,sharing=locked \
    case "${TARGETARCH}" in \
      amd64) cpu=x64 ;; \
      arm64) cpu=arm64 ;; \
      *) echo "unsupported TARGETARCH '${TARGETARCH}' (amd64 or arm64)" >&2; exit 1 ;; \
    esac \
    && npm ci --omit=dev --ignore-scripts --no-audit --no-fund --os=linux --cpu="$cpu" --libc=glibc \
    && find node_modules -type f \( -name '*.map' -o -name '*.d.ts' -o -name '*.d.mts' -o -name '*.d.cts' \) -delete

# 3. runtime: no shell, no package manager. The base image's entrypoint is node itself.
FROM gcr.io/distroless/nodejs24-debian13 AS runtime
ARG APP
ARG VERSION=0.0.0-dev
ARG REVISION=unknown
ARG CREATED=1970-01-01T00:00:00Z
ARG SOURCE=https://github.com/your-org/observability-platform
LABEL org.opencontainers.image.title="${APP}" \
      org.opencontainers.image.description="The ${APP} service of the observability platform (NestJS on Node 24)" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${CREATED}" \
      org.opencontainers.image.source="${SOURCE}" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.base.name="gcr.io/distroless/nodejs24-debian13"
ENV NODE_ENV=production
WORKDIR /app
# Files stay owned by root and read-only for the app's user: the pod runs with
# readOnlyRootFilesystem and only /tmp (an emptyDir) is writable.
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /workspace/dist/apps/${APP}/ ./
# Numeric, so Kubernetes can verify runAsNonRoot; the same uid as the charts' runAsUser.
USER 10001:10001
# The OpenTelemetry preload must run before Nest loads http, fastify, grpc and pino.
CMD ["--require", "./instrumentation.js", "main.js"]
