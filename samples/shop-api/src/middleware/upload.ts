import fs from 'fs';
import path from 'path';
import multer from 'multer';
import { config } from '../config';
import { badRequest } from '../lib/errors';

fs.mkdirSync(config.uploadDir, { recursive: true });

const storage = multer.diskStorage({
  destination: (_req, _file, cb) => cb(null, config.uploadDir),
  filename: (req, file, cb) => {
    const ext = path.extname(file.originalname).toLowerCase() || '.bin';
    cb(null, `${req.params.productId ?? 'misc'}-${Date.now()}${ext}`);
  },
});

export const productImageUpload = multer({
  storage,
  limits: { fileSize: config.uploads.maxFileBytes, files: 1 },
  fileFilter: (_req, file, cb) => {
    if (config.uploads.allowedMimeTypes.includes(file.mimetype)) cb(null, true);
    else cb(badRequest(`Unsupported image type ${file.mimetype}`));
  },
});
