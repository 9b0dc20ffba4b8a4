export function FullPageLoader({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="full-page-loader" role="status" data-testid="page-loader">
      <span className="spinner" aria-hidden="true" />
      <span className="visually-hidden">{label}</span>
    </div>
  );
}
