'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const multer = require('multer');
const settings = require('../config/settings.json');

const COVERS_DIR = process.env.COVERS_DIR || path.join(os.tmpdir(), 'library-covers');
fs.mkdirSync(COVERS_DIR, { recursive: true });

const EXTENSIONS = { 'image/jpeg': '.jpg', 'image/png': '.png', 'image/webp': '.webp' };

const storage = multer.diskStorage({
  destination: (req, file, cb) => cb(null, COVERS_DIR),
  filename: (req, file, cb) => {
    const ext = EXTENSIONS[file.mimetype] || path.extname(file.originalname).toLowerCase();
    cb(null, `book-${req.params.id}-${Date.now()}${ext}`);
  },
});

function fileFilter(req, file, cb) {
  if (settings.uploads.allowedCoverTypes.includes(file.mimetype)) return cb(null, true);
  const err = new multer.MulterError('LIMIT_UNEXPECTED_FILE', file.fieldname);
  err.message = `Unsupported cover type ${file.mimetype}`;
  cb(err);
}

const coverUpload = multer({
  storage,
  fileFilter,
  limits: { fileSize: settings.uploads.maxCoverBytes, files: 1 },
});

module.exports = { COVERS_DIR, coverUpload };
