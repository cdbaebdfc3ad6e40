// The smallest React page: the baseline for the renderer's bundle size and first screen.
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root') as HTMLElement).render(
  <h1 data-ready="true">融媒体发布台</h1>,
);
