# syntax=docker/dockerfile:1
#
# briefbot in a container: a static binary (no cgo) on a distroless base,
# run as a non-root user. The example corpus is embedded in the binary.
#
#   docker build -t briefbot \
#     --build-arg VERSION=$(git describe --tags --always) \
#     --build-arg REVISION=$(git rev-parse HEAD) .
#   docker run --rm -it briefbot                       # the console, on the example corpus
#   docker run -d --name briefbot -p 127.0.0.1:9090:9090 \
#     -e SLACK_BOT_TOKEN -e SLACK_APP_TOKEN \
#     -v briefbot-state:/var/lib/briefbot -v /srv/news:/news:ro -e BRIEFBOT_CORPUS=/news briefbot

FROM golang:1.26-bookworm AS build
WORKDIR /src
# Modules first: this layer is reused until go.mod or go.sum change.
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=devel
ARG REVISION=
# CGO_ENABLED=0: a static binary (SQLite is modernc.org/sqlite, pure Go);
# timetzdata: the zone database is inside, for the digests' time zones.
RUN CGO_ENABLED=0 go build -trimpath -tags timetzdata \
      -ldflags "-s -w -X main.version=${VERSION} -X main.revision=${REVISION}" \
      -o /out/briefbot ./cmd/briefbot \
 && /out/briefbot version \
 && mkdir -p /out/state

# distroless/static: CA certificates (HTTPS to Slack, Discord and feeds),
# no shell, and the "nonroot" user (65532).
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/briefbot /usr/local/bin/briefbot
COPY --from=build /src/deploy/briefbot.example.yaml /etc/briefbot/briefbot.example.yaml
# Owned by the user, so a new named volume mounted there is writable.
COPY --from=build --chown=nonroot:nonroot /out/state /var/lib/briefbot
# The state folder (the digest ledger) is a volume; the endpoint listens on
# every interface of the container, so -p can publish it.
ENV BRIEFBOT_STATE=/var/lib/briefbot \
    BRIEFBOT_HTTP_ADDR=0.0.0.0:9090 \
    BRIEFBOT_LOG_FORMAT=json
VOLUME ["/var/lib/briefbot"]
EXPOSE 9090
USER nonroot:nonroot
# SIGTERM (docker stop) finishes the answers in flight, then exits; give
# it the time: docker stop -t 20.
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/local/bin/briefbot"]
