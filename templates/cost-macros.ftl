<#ftl output_format="HTML">
<#--
  The products' tables of the costs page, printed on costs.html and on its further pages
  (costs/2.html, ...) alike: each page holds up to a hundred rows of each (issue 15).
-->

<#-- The profit ranking of the latest final month: rows are this page's products. -->
<#macro rankingTable costs rows>
    <table class="data sortable" id="profit-ranking">
      <caption>${t['costs.ranking_caption']} ${costs.latest_final_month} (${costs.currency})</caption>
      <thead><tr>
        <th scope="col" data-sort="text">${t['costs.product']}</th>
        <th scope="col" data-sort="text">${t['product.phase']}</th>
        <th scope="col" class="num" data-sort="number">${t['costs.mrr']}</th>
        <th scope="col" class="num" data-sort="number">${t['costs.operating_cost']}</th>
        <th scope="col" class="num" data-sort="number" aria-sort="descending">${t['costs.profit']}</th>
        <th scope="col" class="num" data-sort="number">${t['costs.unit_cost']}</th>
        <th scope="col" data-sort="text">${t['costs.trend']}</th>
      </tr></thead>
      <tbody>
      <#list rows as r>
        <tr>
          <th scope="row" data-value="${r.name}"><a href="${root}products/${r.id}.html#costs">${r.name}</a><#if r.turned_profitable??> <span class="tag-turned" title="${t['costs.turned_profitable_in']} ${r.turned_profitable}">${t['costs.turned']} ${r.turned_profitable}</span></#if></th>
          <td data-value="${r.phase}">${r.phase}</td>
          <td class="num" data-value="${r.mrr.value}">${r.mrr.text}</td>
          <td class="num" data-value="${r.operating_cost.value}">${r.operating_cost.text}</td>
          <td class="num strong<#if r.profit.negative> negative</#if>" data-value="${r.profit.value}">${r.profit.text}</td>
          <td class="num" data-value="${(r.unit_cost.value)!""}">${(r.unit_cost.text)!"—"}<#if r.unit_cost?? && r.unit_cost_unit??> <span class="muted small">${r.unit_cost_unit}</span></#if></td>
          <td data-value="${(r.trend.label)!""}"><#if r.trend??><span class="trend tone-${r.trend.tone}">${t['costs.trend.' + r.trend.label]}</span><#else>—</#if></td>
        </tr>
      </#list>
      </tbody>
    </table>
</#macro>

<#-- One period's growth or savings, product by product: c.products are this page's rows. -->
<#macro changeTable costs c>
    <table class="data compact num-table sortable" id="product-changes-${c.period}">
      <caption>${t['costs.change.caption']}: ${t['costs.change.' + c.period]} ${c.from} → ${c.to} (${costs.currency})</caption>
      <thead><tr><th scope="col" data-sort="text">${t['costs.product']}</th>
        <th scope="col" class="num" data-sort="number">${t['costs.change.change']}</th>
        <th scope="col" class="num" data-sort="number">${t['costs.change.volume']}</th>
        <th scope="col" class="num" data-sort="number">${t['costs.change.efficiency']}</th>
        <th scope="col" class="num" data-sort="number">${t['costs.change.not_explained']}</th>
        <th scope="col" class="num">${t['costs.unit_cost']}</th>
        <th scope="col" class="num" data-sort="number">${t['costs.change.profit_to']}</th>
        <th scope="col" data-sort="text">${t['costs.change.verdict']}</th></tr></thead>
      <tbody>
      <#list c.products as r>
        <tr><th scope="row" data-value="${r.name}"><a href="${root}products/${r.id}.html#growth-savings">${r.name}</a></th>
          <td class="num strong" data-value="${r.change.value}">${r.change.text}</td>
          <td class="num" data-value="${(r.volume_effect.value)!""}">${(r.volume_effect.text)!"—"}</td>
          <td class="num" data-value="${(r.efficiency_effect.value)!""}">${(r.efficiency_effect.text)!"—"}</td>
          <td class="num" data-value="${r.not_explained.value}">${r.not_explained.text}<#if r.explained != "decomposed"> <span class="muted small">(${t['costs.change.explained.' + r.explained]})</span></#if></td>
          <td class="num">${(r.unit_cost_from.text)!"—"} → ${(r.unit_cost_to.text)!"—"}<#if r.unit_cost_unit??> <span class="muted small">${r.unit_cost_unit}</span></#if></td>
          <td class="num<#if r.profit_to.negative> negative</#if>" data-value="${r.profit_to.value}">${r.profit_to.text}</td>
          <td class="tone-${r.tone}" data-value="${r.verdict}">${t['costs.verdict.' + r.verdict]}</td></tr>
      </#list>
      </tbody>
    </table>
</#macro>
