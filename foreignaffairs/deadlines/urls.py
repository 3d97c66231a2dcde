from django.urls import path

from foreignaffairs.deadlines import views

app_name = "deadlines"
urlpatterns = [
    path("", views.todo, name="todo"),
    path("<int:pk>/xong/", views.mark_done, name="mark_done"),
    path("lich/tao-moi/", views.new_feed, name="new_feed"),
    path("lich/thu-hoi/", views.revoke_feed, name="revoke_feed"),
    path("lich/<str:token>.ics", views.feed, name="feed"),
]
