FROM node:16-slim
WORKDIR /srv
COPY main.js .
CMD ["node", "main.js"]
