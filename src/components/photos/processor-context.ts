// Which photo processor the photo screens use: the app's one worker, unless a test (or a future
// settings screen) provides another. A Worker does not run in jsdom, so tests provide a fake.
import { createContext, useContext } from 'react';
import { sharedPhotoProcessor, type PhotoProcessor } from '../../photos/photo-processor';

export const PhotoProcessorContext = createContext<PhotoProcessor | null>(null);

export function usePhotoProcessor(override?: PhotoProcessor): PhotoProcessor {
  const provided = useContext(PhotoProcessorContext);
  return override ?? provided ?? sharedPhotoProcessor();
}
