FROM node:20 AS dev
WORKDIR /src
COPY package.json .
RUN npm install
