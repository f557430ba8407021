import { useCallback, useRef, useState } from 'react';
import { COMPLAINT_MAX_PHOTOS, MAX_PHOTO_BYTES } from '@sqtb/shared';
import { asApiError, errorText } from '../core/api-error';
import { choosePhotos } from '../core/choose-photos';
import { uploadPhoto } from './api';

/** The BFF's size limit (shared), checked before sending, in MB for the words. */
const MAX_PHOTO_MB = MAX_PHOTO_BYTES / (1024 * 1024);

export interface PhotoSlot {
  key: string;
  /** The local temp path (a blob: URL on H5), for the thumbnail. */
  localPath: string;
  state: 'uploading' | 'done' | 'failed';
  id?: string;
  error?: string;
}

export interface PhotoUploads {
  photos: PhotoSlot[];
  /** Ids of the uploaded photos, in the order chosen. */
  ids: string[];
  uploading: boolean;
  failed: boolean;
  canAdd: boolean;
  add: () => Promise<void>;
  remove: (key: string) => void;
}

/** Pick photos and upload each at once, so the final submit only sends ids. */
export function usePhotoUploads(max = COMPLAINT_MAX_PHOTOS): PhotoUploads {
  const [photos, setPhotos] = useState<PhotoSlot[]>([]);
  const counter = useRef(0);
  const countRef = useRef(0);
  countRef.current = photos.length;

  const patch = (key: string, change: Partial<PhotoSlot>) =>
    setPhotos((list) => list.map((p) => (p.key === key ? { ...p, ...change } : p)));

  const add = useCallback(async () => {
    const room = max - countRef.current;
    if (room <= 0) return;
    const files = await choosePhotos(room);
    const slots = files.map((file) => {
      counter.current += 1;
      const tooBig = file.size > MAX_PHOTO_BYTES;
      const slot: PhotoSlot = {
        key: `photo-${counter.current}`,
        localPath: file.path,
        state: tooBig ? 'failed' : 'uploading',
        error: tooBig ? `照片超过 ${MAX_PHOTO_MB} MB` : undefined,
      };
      return slot;
    });
    setPhotos((list) => [...list, ...slots]);
    await Promise.all(
      slots
        .filter((slot) => slot.state === 'uploading')
        .map(async (slot) => {
          try {
            const uploaded = await uploadPhoto(slot.localPath);
            patch(slot.key, { state: 'done', id: uploaded.id });
          } catch (caught) {
            patch(slot.key, { state: 'failed', error: errorText(asApiError(caught)) });
          }
        }),
    );
  }, [max]);

  const remove = useCallback((key: string) => setPhotos((list) => list.filter((p) => p.key !== key)), []);

  return {
    photos,
    ids: photos.filter((p) => p.state === 'done' && p.id).map((p) => p.id!),
    uploading: photos.some((p) => p.state === 'uploading'),
    failed: photos.some((p) => p.state === 'failed'),
    canAdd: photos.length < max,
    add,
    remove,
  };
}
