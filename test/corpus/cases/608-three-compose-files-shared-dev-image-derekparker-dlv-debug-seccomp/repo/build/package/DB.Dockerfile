FROM postgres:11-alpine
COPY schema.sql /docker-entrypoint-initdb.d/
