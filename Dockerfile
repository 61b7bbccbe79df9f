# The app image used by docker-compose.yml: the compiled server and the built client on Node 24,
# with production dependencies only (no TypeScript, no tsx, no Vite, no React: the client is
# bundled into dist/client at build time). Why compiled JavaScript: docs/DECISIONS.md.

# 1. Build: every dependency, then `npm run build` (vite → dist/client, tsc → dist/server).
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# 2. Production dependencies alone. None of them runs an install script (tests/deploy/
#    dependencies.test.ts): better-sqlite3 ships prebuilt Node-API binaries, so no compiler either.
FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

# 3. Runtime: package.json (ESM, `npm run meeting`), the production node_modules, the builds, the
#    scripts `npm start` and `npm run meeting` run (they find nothing stale: no sources here) and the
#    example definitions (the demo meeting, README's `npm run meeting -- create examples/…`).
#    The PDF records' font (Noto Serif's .ttf files) is a production dependency, read from
#    node_modules at run time: no system fonts needed (docs/DECISIONS.md, "PDF").
FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY scripts/build.mjs scripts/start.mjs scripts/meeting.mjs ./scripts/
COPY examples ./examples
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --retries=3 CMD node -e "fetch('http://127.0.0.1:3000/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/server/server/main.js"]
