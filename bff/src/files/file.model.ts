import { Schema, Types, model } from 'mongoose';

/**
 * Uploaded photos live in the GridFS bucket "photos" (see service.ts): the
 * bytes in `photos.chunks`, 255 KB a document, and one `photos.files`
 * document per photo, written last, once every chunk is in. A photo exists
 * when its files document does.
 *
 * The two models below only describe those collections: they are written by
 * the MongoDB driver's GridFSBucket, never through mongoose. They are
 * declared so that queries (whose photo is it?) are typed, and so that the
 * indexes GridFS needs are built at start with every other index
 * (ensureIndexes), not lazily at the first upload. The specs match what the
 * driver would create, so the driver finds them and creates nothing.
 */
export const PHOTO_BUCKET = 'photos';

export interface PhotoMetadata {
  ownerId: Types.ObjectId;
  /** Sniffed from the bytes, never taken from the client. */
  contentType: string;
  /** When the photo was uploaded (the app's clock); kept from the old document by the migration. */
  createdAt: Date;
}

const photoFileSchema = new Schema(
  {
    /** The size in bytes. */
    length: { type: Number, required: true },
    chunkSize: { type: Number, required: true },
    /** When GridFS finished writing it (the migration's time for migrated photos: see metadata.createdAt). */
    uploadDate: { type: Date, required: true },
    /** The photo's id: a client's file name is not kept. */
    filename: { type: String },
    metadata: {
      ownerId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
      contentType: { type: String, required: true },
      createdAt: { type: Date, required: true },
    },
  },
  { collection: `${PHOTO_BUCKET}.files`, versionKey: false },
);
photoFileSchema.index({ filename: 1, uploadDate: 1 });

/** One document per stored photo (GridFS `photos.files`); its `_id` is the photo id complaints refer to. */
export const FileModel = model('File', photoFileSchema);

const photoChunkSchema = new Schema(
  {
    files_id: { type: Schema.Types.ObjectId, required: true },
    n: { type: Number, required: true },
    data: { type: Buffer, required: true },
  },
  { collection: `${PHOTO_BUCKET}.chunks`, versionKey: false },
);
photoChunkSchema.index({ files_id: 1, n: 1 }, { unique: true });

/** The bytes of the photos (GridFS `photos.chunks`). */
export const PhotoChunkModel = model('PhotoChunk', photoChunkSchema);

/** Where photos were kept before GridFS: one document each, bytes in `data`. Only the migration reads it. */
export const LEGACY_PHOTO_COLLECTION = 'files';
