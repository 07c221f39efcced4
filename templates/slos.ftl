<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#-- SLOs measured (issue 16): every product's SLOs x the latest final months and the running one; a complete table without JavaScript, sortable with it. -->
<@layout.page title=t['slos.title'] wide=true>
<div class="page-head">
  <h1>${t['slos.title']}</h1>
  <p class="lead">${t['slos.intro']}</p>
</div>
<#if !slos.rows?has_content>
  <p class="notice">${t['slos.none']}</p>
<#else>
  <p class="muted small">${t['slos.legend']}</p>
  <section id="slo-matrix-section" class="section" aria-labelledby="slo-matrix-title">
    <h2 id="slo-matrix-title">${t['slos.matrix_title']}</h2>
    <div class="table-scroll" role="region" aria-label="${t['slos.matrix_caption']}" tabindex="0">
    <table class="data sortable" id="slo-matrix">
      <caption>${t['slos.matrix_caption']}</caption>
      <thead><tr>
        <th scope="col" data-sort="text">${t['costs.product']}</th>
        <th scope="col" data-sort="text">${t['slo.objective']}</th>
        <th scope="col" class="num" data-sort="number">${t['slo.target']}</th>
        <#list slos.months as c>
        <th scope="col" class="num" data-sort="number">${c.month}<#if c.provisional> <span class="tag-provisional">${t['slo.provisional']}</span></#if></th>
        </#list>
        <th scope="col" data-sort="text">${t['slos.latest_final']}</th>
      </tr></thead>
      <tbody>
      <#list slos.rows as r>
        <tr data-product="${r.product_id}" data-slo="${r.slo_id}" data-result="${r.result}">
          <th scope="row" data-value="${r.product_name}"><a href="${root}products/${r.product_id}.html#slo-${r.slo_id}">${r.product_name}</a><br><span class="muted small">${r.team}</span></th>
          <td data-value="${r.slo_title}">${r.slo_title}</td>
          <td class="num" data-value="${r.target_percent}">${r.target_percent}%</td>
          <#list r.cells as m>
          <td class="num slo-cell" data-month="${m.month}" data-value="${m.attainment_percent!""}"><#if m.attainment_percent??>${m.attainment_percent}%<br><@sloMark result=m.result/><#else><span class="muted">–</span> <span class="sr-only">${t['slo.not_measured']}</span></#if></td>
          </#list>
          <td data-value="${r.result}"><@sloMark result=r.result/></td>
        </tr>
      </#list>
      </tbody>
    </table>
    </div>
  </section>
  <section id="slo-missed" class="section" aria-labelledby="slo-missed-title">
    <h2 id="slo-missed-title">${t['slos.missed_title']}</h2>
    <#if slos.missed?has_content>
    <ul><#list slos.missed as p><li><a href="${root}products/${p.id}.html#slos">${p.name}</a></li></#list></ul>
    <#else><p class="muted">${t['risk.none']}</p></#if>
  </section>
</#if>
<section id="without-slos" class="section" aria-labelledby="without-slos-title">
  <h2 id="without-slos-title">${t['slos.without_title']}</h2>
  <#if slos.without_slos?has_content>
  <ul><#list slos.without_slos as p><li><a href="${root}products/${p.id}.html#slos">${p.name}</a></li></#list></ul>
  <#else><p class="muted">${t['slos.without_none']}</p></#if>
</section>
</@layout.page>

<#macro sloMark result>
<#if result == "met"><span class="status s-meets"><span class="sym" aria-hidden="true">✓</span> ${t['slo.met']}</span><#elseif result == "missed"><span class="status s-misses"><span class="sym" aria-hidden="true">✗</span> ${t['slo.missed']}</span><#else><span class="status s-none"><span class="sym" aria-hidden="true">?</span> ${t['slo.unknown']}</span></#if>
</#macro>
