# syntax=docker/dockerfile:1
# Build stage: the compilers better-sqlite3 needs live here only.
FROM node:20-bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
COPY prompts ./prompts
COPY migrations ./migrations
COPY assets ./assets
RUN npm run typecheck && npm prune --omit=dev

# Runtime stage: Node, the installed packages and the sources (run by tsx), as the unprivileged `node` user.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    DATABASE_PATH=/data/assistant.sqlite
WORKDIR /app
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/package.json /app/tsconfig.json ./
COPY --from=build --chown=node:node /app/src ./src
COPY --from=build --chown=node:node /app/prompts ./prompts
COPY --from=build --chown=node:node /app/migrations ./migrations
# The chart font (Cyrillic): the pictures look the same in the image as on any machine.
COPY --from=build --chown=node:node /app/assets ./assets
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
# No npm in between: node is PID 1, gets SIGTERM itself, and main.ts stops polling, digests and the database.
STOPSIGNAL SIGTERM
CMD ["node", "--import", "tsx", "src/main.ts"]
