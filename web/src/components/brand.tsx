export function Brand({ inverted = false }: { inverted?: boolean }) {
  return (
    <span className={`brand${inverted ? ' brand--inverted' : ''}`}>
      <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true">
        <rect width="32" height="32" rx="9" fill="#25d366" />
        <path d="M9 22.5l1.2-3.6A7.5 7.5 0 1 1 13 21.6z" fill="#fff" />
      </svg>
      <span className="brand__name">Aerostic</span>
    </span>
  );
}
