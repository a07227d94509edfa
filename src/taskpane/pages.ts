// The task pane's pages: their ids (the ?side= query value), tab labels and lazily loaded components.
// Each page is its own chunk, so opening the pane loads only the shell and the page shown.
import { lazy, type ComponentType, type LazyExoticComponent } from "react";
import { messages } from "./messages";
import type { PageProps } from "./page-props";

export const PAGE_IDS = ["import", "visitation", "statusmaaling", "fremmoede", "oversigt", "kontrol"] as const;
export type PageId = (typeof PAGE_IDS)[number];

export interface PageDef {
  id: PageId;
  tab: string;
  heading: string;
  component: LazyExoticComponent<ComponentType<PageProps>>;
}

export const PAGES: readonly PageDef[] = [
  {
    id: "import",
    ...labels("import"),
    component: lazy(() => import(/* webpackChunkName: "side-import" */ "./pages/ImportPage")),
  },
  {
    id: "visitation",
    ...labels("visitation"),
    component: lazy(() => import(/* webpackChunkName: "side-visitation" */ "./pages/VisitationPage")),
  },
  {
    id: "statusmaaling",
    ...labels("statusmaaling"),
    component: lazy(() => import(/* webpackChunkName: "side-statusmaaling" */ "./pages/StatusmaalingPage")),
  },
  {
    id: "fremmoede",
    ...labels("fremmoede"),
    component: lazy(() => import(/* webpackChunkName: "side-fremmoede" */ "./pages/FremmoedePage")),
  },
  {
    id: "oversigt",
    ...labels("oversigt"),
    component: lazy(() => import(/* webpackChunkName: "side-oversigt" */ "./pages/OversigtPage")),
  },
  {
    id: "kontrol",
    ...labels("kontrol"),
    component: lazy(() => import(/* webpackChunkName: "side-kontrol" */ "./pages/KontrolPage")),
  },
];

function labels(id: PageId): { tab: string; heading: string } {
  return { tab: messages.pages[id].tab, heading: messages.pages[id].heading };
}

export function isPageId(value: string): value is PageId {
  return (PAGE_IDS as readonly string[]).includes(value);
}

/** The page named by `?side=` in a query string; the import page when absent or unknown. */
export function pageFromSearch(search: string): PageId {
  const side = new URLSearchParams(search).get("side")?.trim().toLowerCase() ?? "";
  return isPageId(side) ? side : "import";
}
