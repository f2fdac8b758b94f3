import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Container, PageHeader } from "~/components/app-shell.tsx";
import { Card } from "~/components/ui/card.tsx";
import { openApiDocument } from "~/modules/integrations/api/openapi.server.ts";
import { PROBLEM_TYPES } from "~/modules/integrations/api/problem-types.ts";

export const meta: MetaFunction = () => [{ title: "REST API reference · Limelight" }];

interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  requestBody?: { content?: Record<string, { schema?: unknown }> };
}

/** The reference, public like the OpenAPI document it is built from. */
export function loader({ context }: LoaderFunctionArgs) {
  const doc = openApiDocument(context.env.PUBLIC_URL);
  const operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Operation>).map(([method, op]) => ({
      path,
      method: method.toUpperCase(),
      id: op.operationId ?? `${method}-${path}`,
      summary: op.summary ?? "",
      description: op.description ?? "",
      body: op.requestBody?.content?.["application/json"]?.schema ?? null,
    })),
  );
  return json({
    title: doc.info.title,
    description: doc.info.description ?? "",
    server: doc.servers?.[0]?.url ?? "/api/v1",
    operations,
  });
}

export default function ApiReference() {
  const { title, description, server, operations } = useLoaderData<typeof loader>();
  return (
    <Container>
      <PageHeader title={title} description={description} />
      <div className="space-y-8 pb-12 text-sm">
        <p>
          Base address <code className="font-mono">{server}</code>. The machine-readable document is{" "}
          <a
            className="font-medium text-brand-700 underline dark:text-brand-300"
            href="/api/v1/openapi.json"
          >
            /api/v1/openapi.json
          </a>
          .
        </p>
        <section aria-labelledby="ops" className="space-y-3">
          <h2 id="ops" className="text-lg font-semibold">
            Operations
          </h2>
          {operations.map((op) => (
            <Card key={op.id} id={`op-${op.id}`} className="space-y-2 p-4">
              <p className="break-all font-mono">
                <span className="font-semibold text-brand-700 dark:text-brand-300">
                  {op.method}
                </span>{" "}
                {op.path}
              </p>
              <p className="font-medium">{op.summary}</p>
              <p className="text-stone-600 dark:text-stone-400">
                {op.description.replace(/`/g, "")}
              </p>
              {op.body ? (
                <details>
                  <summary className="cursor-pointer">Request body schema</summary>
                  <pre className="mt-2 overflow-x-auto rounded-lg bg-stone-100 p-3 text-xs dark:bg-stone-900">
                    {JSON.stringify(op.body, null, 2)}
                  </pre>
                </details>
              ) : null}
            </Card>
          ))}
        </section>
        <section aria-labelledby="problems" className="space-y-3">
          <h2 id="problems" className="text-lg font-semibold">
            Problem types
          </h2>
          <p>
            Errors are RFC 9457 problem details; their <code>type</code> links to one of these.
          </p>
          <dl className="space-y-3">
            {PROBLEM_TYPES.map((p) => (
              <div key={p.code} id={`problem-${p.code}`} className="scroll-mt-20">
                <dt className="font-mono font-semibold">
                  {p.status} {p.code}
                </dt>
                <dd className="text-stone-600 dark:text-stone-400">
                  {p.meaning.replace(/`/g, "")}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      </div>
    </Container>
  );
}
