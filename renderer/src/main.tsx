import { createRoot } from 'react-dom/client';

function App() {
  return (
    <main>
      <h1>Provenance Explorer</h1>
      <p>The app shell arrives with the desktop-app issue; use the `provex` CLI meanwhile.</p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
