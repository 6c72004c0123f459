"use client";

// The root layout itself failed (e.g. the database is down while reading the session):
// no providers are available here, so the text is fixed and bilingual.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="zh-CN">
      <body style={{ fontFamily: "system-ui, sans-serif", textAlign: "center", padding: "6rem 1rem", color: "#0f172a" }}>
        <h1 style={{ fontSize: "1.25rem" }}>出错了 · Something went wrong</h1>
        <p style={{ color: "#475569", fontSize: "0.9rem" }}>
          页面加载时出现问题，可能是数据库暂时无法连接，请稍后重试。
          <br />
          The page could not be loaded; the database may be unreachable. Please try again shortly.
        </p>
        <button type="button" onClick={reset} style={{ marginTop: "1.5rem", padding: "0.6rem 1.2rem", background: "#1d5fbf", color: "#fff", border: 0, borderRadius: 6 }}>
          重试 · Try again
        </button>
      </body>
    </html>
  );
}
