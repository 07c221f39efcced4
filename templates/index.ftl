<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#import "risk-macros.ftl" as risk>
<#import "campaign-macros.ftl" as cm>
<#-- Home: the cross-product maturity matrix. The page prints the first screen of rows (matrix.shown) and,
     when there are more products, links to every product in pages (matrix/N.html); site.js renders any
     view (filters, sort, the next rows) from matrix-data.js, a compact copy of every row. -->
<#assign tierNames = matrix.tier_names>
<#-- Each status's symbol, made by layout's itemSymbol once per page rather than twice per cell. -->
<#assign itemSymbols = {}><#list ["exceeds", "meets", "waived", "misses", "none", "not-applicable"] as status><#assign itemSymbols = itemSymbols + {status: layout.itemSymbol(status)}></#list>
<@layout.page title=t['matrix.title'] wide=true>
<div class="page-head">
  <h1>${t['matrix.title']}</h1>
  <p class="lead">${t['matrix.intro']}</p>
</div>
<@risk.tiles risks=matrix.risks/>

<ul class="stats" aria-label="${t['matrix.summary']}">
  <li><span class="stat-value">${matrix.summary.products}</span> <span class="stat-label">${t['stats.products']}</span></li>
  <li class="stat-ok"><span class="stat-value">${matrix.summary.meeting}</span> <span class="stat-label">${t['stats.meeting']}</span></li>
  <li class="stat-bad"><span class="stat-value">${matrix.summary.below}</span> <span class="stat-label">${t['stats.below']}</span></li>
  <li class="stat-ready"><a href="${root}readiness.html"><span class="stat-value">${matrix.summary.ready}</span> <span class="stat-label">${t['stats.ready']}</span></a></li>
</ul>

<#if !matrix.phases?has_content>
<p class="notice">${t['empty.products']} <a href="${root}guides/editing.html">${t['empty.products_guide']}</a></p>
<#else>
<form class="filters" id="matrix-filters" hidden aria-label="${t['filter.label']}"
      data-msg-shown="${t['filter.shown']}" data-msg-none="${t['filter.none']}">
  <div class="field">
    <label for="filter-phase">${t['filter.phase']}</label>
    <select id="filter-phase" data-filter="phase">
      <option value="">${t['filter.all_phases']}</option>
      <#list matrix.phase_list as ph><option value="${ph.id}">${ph.name}</option></#list>
    </select>
  </div>
  <div class="field">
    <label for="filter-tier">${t['filter.tier']}</label>
    <select id="filter-tier" data-filter="tier">
      <option value="">${t['filter.all_tiers']}</option>
      <#list matrix.tiers as tr><option value="${tr.id}">${tr.name} (${tr.id})</option></#list>
    </select>
  </div>
  <div class="field">
    <label for="filter-team">${t['filter.team']}</label>
    <select id="filter-team" data-filter="team">
      <option value="">${t['filter.all_teams']}</option>
      <#list matrix.teams as tm><option value="${tm.id}">${tm.name}</option></#list>
    </select>
  </div>
  <div class="field">
    <label for="filter-category">${t['filter.category']}</label>
    <select id="filter-category">
      <option value="">${t['filter.all_categories']}</option>
      <#list matrix.categories as c><option value="${c.id}">${c.title}</option></#list>
    </select>
  </div>
  <div class="field">
    <label for="filter-risk">${t['risk.filter']}</label>
    <select id="filter-risk" data-filter="risk">
      <option value="">${t['risk.filter_all']}</option>
      <#list matrix.risks.tiles as tile><option value="${tile.risk}">${t['risk.list.' + tile.risk]}</option></#list>
    </select>
  </div>
  <div class="field field-check">
    <input type="checkbox" id="filter-below" value="1">
    <label for="filter-below">${t['risk.filter_below']}</label>
  </div>
  <div class="field field-buttons">
    <button type="button" id="sort-readiness" class="button" aria-pressed="false">
      <span aria-hidden="true">↓</span> ${t['filter.sort']}
    </button>
    <button type="reset" id="filter-reset" class="button button-quiet">${t['filter.reset']}</button>
  </div>
  <p class="filter-status" id="filter-status" role="status" aria-live="polite"></p>
</form>

<div class="legend" id="legend">
  <h2 class="legend-title">${t['legend.title']}</h2>
  <ul>
    <#list ["exceeds", "meets", "waived", "misses", "none", "not-applicable"] as s>
    <li><span class="chip s-${s}"><span aria-hidden="true">${layout.itemSymbol(s)}</span><#if s != "not-applicable"><span class="chip-level" aria-hidden="true">2</span></#if></span> <span>${t['legend.' + s]}</span></li>
    </#list>
  </ul>
  <p class="legend-note">${t['legend.note']}</p>
</div>

<@cm.active campaigns/>

<a class="skip-past" href="#after-matrix">${t['matrix.skip']}</a>
<div class="table-scroll matrix-scroll" role="region" aria-labelledby="matrix-caption" tabindex="0">
<table id="matrix" class="matrix" data-root="${root}" data-total="${matrix.summary.products?c}" data-shown="${matrix.shown?c}"
       data-msg-more="${t['matrix.show_more']}" data-msg-rows="${t['matrix.rows_shown']}">
  <caption id="matrix-caption">${t['matrix.caption']}</caption>
  <thead>
    <tr class="cat-row">
      <th rowspan="2" scope="col" class="col-product">${t['matrix.product']}</th>
      <th rowspan="2" scope="col" class="col-met">${t['matrix.met']}</th>
      <#list matrix.categories as c>
      <th colspan="${c.items?size}" scope="colgroup" class="cat-h band-${c?index % 2}<#if c.items?size == 1> cat-single</#if>" data-category="${c.id}" title="${c.title}"><span class="cat-label">${c.title}</span></th>
      </#list>
      <th rowspan="2" scope="col" class="col-next">${t['matrix.next']}</th>
    </tr>
    <tr class="item-row">
      <#list matrix.categories as c><#list c.items as it>
      <th scope="col" class="item-h band-${c?index % 2}" data-category="${c.id}"><a href="${root}standard/items.html#${it.id}" title="${c.title}: ${it.title}"><span class="vtext">${it.title}</span></a></th>
      </#list></#list>
    </tr>
  </thead>
  <#list matrix.phases as ph>
  <tbody class="phase-group" data-phase-group="${ph.id}">
    <tr class="group-row">
      <th colspan="${matrix.item_count + 3}" scope="rowgroup" id="phase-${ph.id}">
        <span class="group-label"><a href="${root}standard/phases.html#${ph.id}">${ph.name}</a>
        <span class="group-count">${ph.total} ${t['matrix.products_in_phase']}</span></span>
      </th>
    </tr>
    <#list ph.products as p>
    <#assign byId = p.current.items_by_id>
    <#assign productRisks = matrix.risks.by_product[p.id]>
    <tr data-product="${p.id}" data-phase="${p.phase.id}" data-tier="${p.tier!''}" data-team="${p.team}"
        data-percent="${p.current.percent?c}" data-next-percent="<#if p.next??>${p.next.percent?c}<#else>-1</#if>" data-ready="${p.ready_for_next?c}"
        data-name="${p.name}" data-risks="${productRisks.codes}" data-below="${(!p.current.meets)?c}" class="product-row<#if !p.current.meets> is-below</#if>">
      <th scope="row" class="col-product">
        <a class="product-link" href="${root}products/${p.id}.html">${p.name}</a>
        <span class="row-meta">
          <span class="sorted-only">${p.phase.name} · </span>
          <#if p.tier??><abbr title="${tierNames[p.tier]!p.tier}">${p.tier}</abbr><#else>${t['common.none']}</#if>
          · <a href="${root}teams.html#team-${p.team}">${p.team_name}</a>
        </span>
        <@risk.marks productRisks=productRisks/>
      </th>
      <td class="col-met">
        <span class="met-line">
          <#if p.current.meets>
          <span class="status s-meets"><span class="sym" aria-hidden="true">✓</span><span class="sr-only">${t['matrix.meets_phase']}</span></span>
          <#else>
          <span class="status s-misses"><span class="sym" aria-hidden="true">✗</span><span class="sr-only">${t['matrix.below_phase']}</span></span>
          </#if>
          <strong>${p.current.percent}%</strong>
        </span>
        <span class="met-count">${p.current.satisfied}/${p.current.requirements}<#if (p.current.waived > 0)> · ${t['matrix.waived_short']} ${p.current.waived}</#if></span>
        <@layout.meter percent=p.current.percent kind=p.current.meets?then("ok", "bad")/>
      </td>
      <#list matrix.categories as c><#list c.items as col>
      <#if byId[col.id]??>
      <#assign i = byId[col.id]><#assign st = i.display_status><#if itemSymbols[st]??><#assign symbol = itemSymbols[st]><#else><#assign symbol = layout.itemSymbol(st)></#if>
      <td data-category="${c.id}" class="cell s-${st}">
        <a href="${root}products/${p.id}.html#item-${i.id}" class="cell-link">
          <#if st == "not-applicable">
          <span class="sym" aria-hidden="true">${symbol}</span><span class="lvl" aria-hidden="true">${t['cell.na_short']}</span>
          <span class="sr-only">${i.display_title}: ${t['status.' + st]} (${t['applicability.' + i.applicability]})</span>
          <span class="tip" aria-hidden="true">
            <strong>${i.display_title}</strong>
            <span class="tip-status">${symbol} ${t['status.' + st]}</span>
            <span>${t['applicability.' + i.applicability]}</span>
            <#if i.not_applicable_reason?has_content><span>${i.not_applicable_reason}</span></#if>
          </span>
          <#else>
          <span class="sym" aria-hidden="true">${symbol}</span><#if i.binary>
          <span class="sr-only">${i.display_title}: ${t['binary.' + i.level]}, ${t['binary.required.' + i.required]}, ${t['status.' + st]}</span>
          <#else><span class="lvl" aria-hidden="true">${i.level}</span>
          <span class="sr-only">${i.display_title}: ${t['cell.level']} ${i.level}, ${t['cell.required']} ${i.required}, ${t['status.' + st]}</span></#if>
          <span class="tip" aria-hidden="true">
            <strong>${i.display_title}</strong>
            <#if i.binary><span>${t['binary.' + i.level]}</span>
            <span>${t['cell.required_for']} ${p.phase.name}: ${t['binary.required.' + i.required]}</span><#else>
            <span>${t['cell.level']} ${i.level}/${i.max_level} · ${i.level_title}</span>
            <span>${t['cell.required_for']} ${p.phase.name}: ${i.required}</span></#if>
            <span class="tip-status">${symbol} ${t['status.' + st]}</span>
          </span>
          </#if>
        </a>
      </td>
      <#else>
      <td data-category="${c.id}" class="cell s-na"><span aria-hidden="true">–</span><span class="sr-only">${t['common.none']}</span></td>
      </#if>
      </#list></#list>
      <td class="col-next">
        <#if p.next??>
          <#if p.ready_for_next>
            <span class="pill pill-ready"><span aria-hidden="true">✓</span> ${t['matrix.ready_for']} ${p.next.phase_name}</span>
          <#else>
            <span class="next-head">${p.next.phase_name}: <strong>${p.next.percent}%</strong></span>
            <a class="gap-count" href="${root}products/${p.id}.html#next-gaps">${p.next.missing} ${t['matrix.missing']}</a>:
            <ul class="gap-list gap-inline">
              <#list p.next.missing_links as gl><li><a href="${root}products/${p.id}.html#${gl.anchor}"><#if gl.check><span class="tag-check">${t['matrix.check_short']}</span> </#if>${gl.title}</a></li></#list>
            </ul>
            <#if p.next.more_missing_links?has_content>
            <details class="gap-details">
              <summary>+${p.next.more_missing_links?size} ${t['matrix.more']}</summary>
              <ul class="gap-list">
                <#list p.next.more_missing_links as gl><li><a href="${root}products/${p.id}.html#${gl.anchor}"><#if gl.check><span class="tag-check">${t['matrix.check_short']}</span> </#if>${gl.title}</a></li></#list>
              </ul>
            </details>
            </#if>
          </#if>
        <#else>
          <span class="muted">${t['matrix.final_phase']}</span>
        </#if>
      </td>
    </tr>
    </#list>
  </tbody>
  </#list>
</table>
</div>
<p class="matrix-more" id="matrix-more-line" hidden><button type="button" class="button" id="matrix-more"></button> <span id="matrix-rows" class="muted"></span></p>
<#if matrix.list_pages?has_content>
<nav class="list-pages" id="matrix-pages" aria-label="${t['matrix.list_pages']}">
  <p>${t['matrix.first_screen']?replace('{shown}', matrix.shown?c)?replace('{total}', matrix.summary.products?c)}
    ${t['matrix.all_pages']?replace('{size}', matrix.list_pages[0].products?size?c)}</p>
  <ul class="inline-list"><#list matrix.list_pages as lp><li><a href="${root}matrix/${lp.number}.html">${lp.from}–${lp.to}</a></li></#list></ul>
</nav>
</#if>
<script src="${root}matrix-data.js" defer></script>
</#if>
<p class="after-table muted" id="after-matrix" tabindex="-1">${t['matrix.exports']} <a href="${root}api/matrix.csv">matrix.csv</a> · <a href="${root}api/products.json">products.json</a></p>
</@layout.page>
