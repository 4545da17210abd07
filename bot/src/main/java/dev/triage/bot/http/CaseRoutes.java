package dev.triage.bot.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.bot.chat.ChatCore;
import dev.triage.bot.conversation.Conversations;
import dev.triage.bot.conversation.Conversations.CaseView;
import dev.triage.bot.render.CaseListPage;
import dev.triage.bot.render.CasePage;
import dev.triage.bot.render.CaseJson;
import dev.triage.bot.render.TicketView;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;

/**
 * Reading cases: the case as JSON with its facts, its permanent page, its ticket Markdown, and the case list.
 */
final class CaseRoutes {
    // The case pages need neither script nor inline style: only their own stylesheet, and forms back to us.
    static final String PAGE_CSP = "default-src 'none'; style-src 'self'; img-src 'self';"
            + " form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    private static final int CASES_PER_PAGE = 50;

    private final ChatCore core;
    private final Conversations conversations;
    private final CaseJson caseJson;
    private final TicketView ticketView;
    private final CasePage casePage;
    private final CaseListPage caseListPage = new CaseListPage();

    CaseRoutes(ChatCore core, ObjectMapper json, String publicUrl) {
        this.core = core;
        this.conversations = core.conversations();
        this.caseJson = new CaseJson(json);
        this.ticketView = new TicketView(publicUrl);
        this.casePage = new CasePage(json, conversations.questions());
    }

    void register(RouteTable routes) {
        routes.get("/api/cases/{id}", this::getCase);
        routes.get("/cases", this::listCases);
        routes.get("/cases/{ref}", this::permalink);
    }

    private void getCase(Context ctx) {
        String id = ctx.pathParam("id");
        Optional<CaseView> view = conversations.view(id);
        if (view.isEmpty()) {
            HttpApi.error(ctx, HttpStatus.NOT_FOUND, "There is no case " + id + ".");
            return;
        }
        ctx.json(caseJson(view.get()));
    }

    /** The diagnosis JSON plus the stored facts: {@code GET /api/cases/{id}} and {@code GET /cases/{id}.json}. */
    private ObjectNode caseJson(CaseView view) {
        return caseJson.render(view, core.probing(view.stored().id()));
    }

    private void permalink(Context ctx) {
        String ref = ctx.pathParam("ref");
        boolean markdown = ref.endsWith(".md");
        boolean asJson = ref.endsWith(".json");
        String id = markdown ? ref.substring(0, ref.length() - 3) : asJson ? ref.substring(0, ref.length() - 5) : ref;
        Optional<CaseView> view = conversations.view(id);
        if (view.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).contentType("text/plain; charset=utf-8").result("There is no case.");
            return;
        }
        if (markdown) {
            ctx.contentType("text/markdown; charset=utf-8").result(ticketView.render(view.get()));
        } else if (asJson) {
            ctx.json(caseJson(view.get()));
        } else {
            ctx.header("Content-Security-Policy", PAGE_CSP);
            ctx.html(casePage.render(view.get()));
        }
    }

    /** {@code GET /cases?q=words&page=N}: the case list, newest first, {@value #CASES_PER_PAGE} to a page. */
    private void listCases(Context ctx) {
        String query = Optional.ofNullable(ctx.queryParam("q")).orElse("");
        int page = pageNumber(ctx.queryParam("page"));
        // One more than a page, to know whether an "older" link is needed without counting every match.
        var rows = conversations.cases(query, (page - 1) * CASES_PER_PAGE, CASES_PER_PAGE + 1);
        boolean more = rows.size() > CASES_PER_PAGE;
        ctx.header("Content-Security-Policy", PAGE_CSP);
        ctx.html(caseListPage.render(more ? rows.subList(0, CASES_PER_PAGE) : rows, query, page, more));
    }

    /** A page number from the query string; anything that is not a sensible one means the first page. */
    private static int pageNumber(String param) {
        try {
            int page = param == null ? 1 : Integer.parseInt(param.strip());
            return page >= 1 && page <= 100_000 ? page : 1;
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
