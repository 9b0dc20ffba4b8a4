import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <section className="page page--centered" data-testid="not-found">
      <title>Not found · Aerostic</title>
      <h1>Page not found</h1>
      <p className="muted">The page you opened does not exist or has moved.</p>
      <Link to="/" className="btn btn--primary">
        Go home
      </Link>
    </section>
  );
}
