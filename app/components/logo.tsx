/** The Limelight mark: a spotlight beam on a stage. */
export function Logo({ className = "h-7 w-7" }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden="true">
      <defs>
        <linearGradient id="ll-beam" x1="0" y1="0" x2="0" y2="1">
          <stop offset="0" stopColor="#fbbf24" stopOpacity="0.95" />
          <stop offset="1" stopColor="#fbbf24" stopOpacity="0.15" />
        </linearGradient>
      </defs>
      <rect width="32" height="32" rx="8" fill="#065f46" />
      <path d="M13 5h6l6 20H7z" fill="url(#ll-beam)" />
      <ellipse cx="16" cy="25" rx="9" ry="2.5" fill="#fcd34d" />
      <circle cx="16" cy="14" r="3" fill="#ecfdf5" />
    </svg>
  );
}
