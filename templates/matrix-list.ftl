<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#import "list-macros.ftl" as lm>
<#-- One page of every product in the matrix's order (matrix/N.html): what the home page's first screen
     leaves out, for readers without JavaScript and for search engines. Compact rows: each product's
     page has every item. -->
<#assign lp = list_page>
<#assign title = t['matrix.list_title']?replace('{from}', lp.from?c)?replace('{to}', lp.to?c)?replace('{total}', matrix.summary.products?c)>
<@layout.page title=title>
<div class="page-head">
  <h1>${title}</h1>
  <p class="lead">${t['matrix.list_intro']} <a href="${root}index.html">${t['matrix.title']}</a></p>
</div>
<#-- page 1 of the list is matrix/1.html too: the home page shows only its first screen -->
<@lm.pager count=lp.page_count current=lp.number firstHref="${root}matrix/1.html" prefix="${root}matrix/" label=t['matrix.list_pages']/>
<div class="table-scroll scroll-tall" role="region" aria-labelledby="list-caption" tabindex="0">
<table class="data product-list">
  <caption id="list-caption" class="sr-only">${title}</caption>
  <thead><tr>
    <th scope="col">${t['matrix.product']}</th><th scope="col">${t['product.phase']}</th><th scope="col">${t['filter.tier']}</th>
    <th scope="col">${t['filter.team']}</th><th scope="col" class="num">${t['matrix.met']}</th><th scope="col">${t['matrix.next']}</th>
  </tr></thead>
  <tbody>
  <#list lp.products as p>
    <tr>
      <th scope="row"><a href="${root}products/${p.id}.html">${p.name}</a></th>
      <td>${p.phase.name}</td>
      <td><#if p.tier??><abbr title="${matrix.tier_names[p.tier]!p.tier}">${p.tier}</abbr><#else>${t['common.none']}</#if></td>
      <td><a href="${root}teams.html#team-${p.team}">${p.team_name}</a></td>
      <td class="num"><#if p.current.meets><span class="status s-meets"><span class="sym" aria-hidden="true">✓</span><span class="sr-only">${t['matrix.meets_phase']}</span></span><#else><span class="status s-misses"><span class="sym" aria-hidden="true">✗</span><span class="sr-only">${t['matrix.below_phase']}</span></span></#if>
        ${p.current.percent}% <span class="muted small">${p.current.satisfied}/${p.current.requirements}</span></td>
      <td><#if p.next??><#if p.ready_for_next><span class="pill pill-ready"><span aria-hidden="true">✓</span> ${t['matrix.ready_for']} ${p.next.phase_name}</span><#else>${p.next.phase_name}: ${p.next.percent}% <a class="small" href="${root}products/${p.id}.html#next-gaps">(${p.next.missing} ${t['matrix.missing']})</a></#if><#else><span class="muted">${t['matrix.final_phase']}</span></#if></td>
    </tr>
  </#list>
  </tbody>
</table>
</div>
<@lm.pager count=lp.page_count current=lp.number firstHref="${root}matrix/1.html" prefix="${root}matrix/" label=t['matrix.list_pages'] end=true/>
</@layout.page>
