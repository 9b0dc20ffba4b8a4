import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { SessionProvider } from './features/session/session-context';
import { DataProvider } from './lib/data-provider';
import { createAppRouter } from './routes/router';
import './styles.css';

const router = createAppRouter();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SessionProvider>
      <DataProvider>
        <RouterProvider router={router} />
      </DataProvider>
    </SessionProvider>
  </StrictMode>,
);
