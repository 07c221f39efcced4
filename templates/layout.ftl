<#ftl output_format="HTML">
<#-- The page frame shared by every page: header, navigation, footer. -->
<#macro page title>
<!DOCTYPE html>
<html lang="${site.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ${site.title}</title>
<link rel="stylesheet" href="${root}css/site.css">
</head>
<body>
<header><a href="${root}index.html">${site.title}</a></header>
<nav aria-label="${t['nav.label']}">
<ul>
<li><a href="${root}index.html">${t['nav.matrix']}</a></li>
<li><a href="${root}readiness.html">${t['nav.readiness']}</a></li>
<li><a href="${root}security.html">${t['nav.security']}</a></li>
<li><a href="${root}teams.html">${t['nav.teams']}</a></li>
<li><a href="${root}standard/phases.html">${t['nav.phases']}</a></li>
<li><a href="${root}standard/items.html">${t['nav.items']}</a></li>
<li><a href="${root}standard/checklist.html">${t['nav.checklist']}</a></li>
<#list guides as g><li><a href="${root}${g.url}">${g.title}</a></li></#list>
</ul>
</nav>
<main id="main">
<#nested>
</main>
<footer>${site.standard_name} ${site.standard_version} · ${t['footer.generated']} ${site.generated_on}</footer>
<script src="${root}js/site.js" defer></script>
</body>
</html>
</#macro>
