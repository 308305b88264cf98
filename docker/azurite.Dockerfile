# The same pinned Azurite the scripts and tests use (package.json), on a plain Node.js image.
FROM node:20-slim
WORKDIR /azurite
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
EXPOSE 10000 10001 10002
ENTRYPOINT ["node", "node_modules/azurite/dist/src/azurite.js", "--blobHost", "0.0.0.0", "--queueHost", "0.0.0.0", "--tableHost", "0.0.0.0", "--location", "/data", "--disableTelemetry", "--skipApiVersionCheck"]
