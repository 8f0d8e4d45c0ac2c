# syntax=docker/dockerfile:1
# The assistant as compiled JavaScript on Node 22 LTS: production dependencies only, no TypeScript loader,
# non-root, its database on the /data volume. test/build/image.test.ts runs these steps in a temp folder
# (no container engine there), so keep each RUN a plain command it can run.
FROM node:22-bookworm-slim AS base
WORKDIR /app

# Production dependencies. better-sqlite3 compiles its native part here, with compilers only this stage has.
FROM base AS deps
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev --no-audit --no-fund

# The compile: the type checker needs the dev dependencies, but none of their install scripts.
FROM base AS build
COPY package.json package-lock.json .npmrc ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

FROM base
# METRICS_PORT serves /healthz for the HEALTHCHECK below (and /metrics); TELEGRAM_WEBHOOK_PORT is where a
# reverse proxy sends Telegram's updates in webhook mode. Inside a container the listener binds every interface
# (METRICS_HOST), so a scraper on the container's network reaches it; set METRICS_TOKEN when that network is not
# yours alone.
ENV NODE_ENV=production \
    DATABASE_PATH=/data/assistant.sqlite \
    METRICS_PORT=9464 \
    METRICS_HOST=0.0.0.0
COPY --from=deps /app/node_modules ./node_modules
COPY package.json ./
COPY --from=build /app/dist ./dist
COPY prompts ./prompts
COPY migrations ./migrations
# The chart font (Cyrillic): the pictures look the same in the image as on any machine.
COPY assets ./assets
COPY bin ./bin
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 8080 9464
# The bot's own /healthz: 200 only while updates flow, the database answers and the digest clock ticks.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.METRICS_PORT || process.env.TELEGRAM_WEBHOOK_PORT || 8080) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself is PID 1 (no npm, no shell in between): SIGTERM reaches main.ts, which stops polling, the
# digests and the listener, closes the database and exits 0. Memory flags (npm run bench starts the bot with
# these same flags): a bot's requests are small, so young-generation space of 2 MB instead of 16; the heap grows
# by 30% past what a full collection kept instead of up to four times (a digest round makes a lot of short-lived
# garbage, not a lot of data); one helper thread for V8 instead of one per core (each keeps memory of its own).
STOPSIGNAL SIGTERM
CMD ["node", "--max-semi-space-size=2", "--heap-growing-percent=30", "--v8-pool-size=1", "dist/main.js"]
